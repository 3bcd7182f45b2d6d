import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { formatCount, formatDay, type Lang } from './format.js';
import type { DayRow } from './wire.js';

/**
 * Conversations and handoffs per day as bars (uPlot on a canvas). The canvas is hidden from
 * screen readers: the caller puts a summary label on the figure and the same data in a table.
 */
export function DayChart(props: { lang: Lang; days: DayRow[]; labels: { day: string; conversations: string; handoffs: string } }) {
  const host = useRef<HTMLDivElement>(null);
  const { lang, days, labels } = props;
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const xs = days.map((_, i) => i);
    const data: uPlot.AlignedData = [xs, days.map((d) => d.conversations), days.map((d) => d.handoffs)];
    const bars = uPlot.paths.bars?.({ size: [0.4, 24], align: 0 });
    const width = () => Math.max(280, el.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 240,
        // Labels only: the values per day are in the table under the chart.
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false, range: [-0.5, Math.max(0.5, days.length - 0.5)] }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } },
        axes: [
          { values: (_u, splits) => splits.map((i) => (Number.isInteger(i) && days[i] ? formatDay(lang, days[i].day) : '')), space: 60, grid: { show: false } },
          { values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? formatCount(lang, v) : '')), grid: { stroke: '#e5e7eb' } },
        ],
        series: [
          { label: labels.day, value: (_u, i) => (i === null || !days[i] ? '' : formatDay(lang, days[i].day)) },
          { label: labels.conversations, stroke: '#1d4ed8', fill: 'rgba(29,78,216,0.55)', ...(bars ? { paths: bars } : {}), points: { show: false } },
          { label: labels.handoffs, stroke: '#c2410c', fill: 'rgba(194,65,12,0.7)', ...(bars ? { paths: uPlot.paths.bars?.({ size: [0.4, 24], align: 1 }) } : {}), points: { show: false } },
        ],
      },
      data,
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: 240 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [lang, days, labels.day, labels.conversations, labels.handoffs]);
  return <div class="day-chart" ref={host} aria-hidden="true" />;
}
