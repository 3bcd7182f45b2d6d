/** A table row's share of the largest, drawn as a bar (a CSSOM width: the CSP forbids style attributes). */
export function Bar(props: { value: number; max: number }) {
  const pct = props.max > 0 ? Math.round((props.value / props.max) * 100) : 0;
  return (
    <span class="bar" aria-hidden="true">
      <span class="bar-fill" style={{ width: `${pct}%` }} />
    </span>
  );
}
