import { channelLabel } from '../strings.js';
import { Bar } from './bar.js';
import { formatCount, type Lang } from './format.js';
import { dt } from './strings.js';
import type { ChannelRow } from './wire.js';

/**
 * Conversations by channel (owner34): where the customers wrote from — the web chat, WhatsApp,
 * the API — with their messages and the handoffs they caused, named as the console names channels.
 */
export function Channels(props: { lang: Lang; channels: ChannelRow[] }) {
  const { lang, channels } = props;
  const max = Math.max(0, ...channels.map((c) => c.conversations));
  return (
    <section aria-labelledby="dash-channels">
      <h3 id="dash-channels">{dt(lang, 'channels')}</h3>
      {channels.length === 0 ? (
        <p class="none">{dt(lang, 'none')}</p>
      ) : (
        <>
          <p class="intro">{dt(lang, 'channelsIntro')}</p>
          <div class="table-wrap">
            <table data-table="channels">
              <thead>
                <tr>
                  <th scope="col">{dt(lang, 'channel')}</th>
                  <th scope="col">{dt(lang, 'conversations')}</th>
                  <th scope="col">{dt(lang, 'messages')}</th>
                  <th scope="col">{dt(lang, 'handoffs')}</th>
                </tr>
              </thead>
              <tbody>
                {channels.map((c) => (
                  <tr key={c.channel} data-channel={c.channel}>
                    <th scope="row">{channelLabel(lang, c.channel)}</th>
                    <td class="num">
                      <Bar value={c.conversations} max={max} />
                      {formatCount(lang, c.conversations)}
                    </td>
                    <td class="num">{formatCount(lang, c.messages)}</td>
                    <td class="num">{formatCount(lang, c.handoffs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
