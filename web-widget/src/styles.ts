/**
 * All of the widget's CSS, scoped by its shadow root. Inherited properties (font, colour, line
 * height...) still cross the shadow boundary from the host page, so `.root` sets every one of them
 * explicitly instead of trusting defaults. Contrast: text colours are ≥ 4.5:1 on their backgrounds.
 */
export function widgetCss(accent: string): string {
  return `
:host{all:initial}
.root{--accent:${accent};--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--bot:#f1f3f5;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif,"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji";font-size:15px;
line-height:1.45;color:var(--ink);font-weight:400;font-style:normal;letter-spacing:normal;text-align:left;
text-transform:none;text-indent:0;word-spacing:normal;white-space:normal;direction:ltr;visibility:visible;
-webkit-font-smoothing:antialiased}
*,*::before,*::after{box-sizing:border-box;font-family:inherit}
button{font:inherit;cursor:pointer;border:0;margin:0}
:focus-visible{outline:3px solid #1f2328;outline-offset:2px}
.header :focus-visible,.launcher:focus-visible{outline-color:#fff;box-shadow:0 0 0 6px #1f2328}
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:60px;height:60px;border-radius:50%;
background:var(--accent);color:#fff;display:flex;align-items:center;justify-content:center;
box-shadow:0 6px 20px rgba(0,0,0,.25);padding:0;transition:transform .15s}
.launcher:hover{transform:scale(1.05)}
.launcher svg{width:28px;height:28px;display:block}
.panel{position:fixed;right:20px;bottom:92px;z-index:2147483000;width:370px;max-width:calc(100vw - 24px);
height:560px;max-height:calc(100vh - 116px);background:#fff;border-radius:14px;overflow:hidden;
display:flex;flex-direction:column;box-shadow:0 12px 40px rgba(0,0,0,.28);border:1px solid var(--line)}
.panel[hidden]{display:none}
.header{background:var(--accent);color:#fff;padding:12px 12px 12px 16px;display:flex;align-items:center;gap:10px}
.titles{flex:1;min-width:0}
.title{margin:0;font-size:16px;font-weight:700;line-height:1.25;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.status{font-size:12.5px;display:flex;align-items:center;gap:6px;margin-top:2px}
.dot{width:8px;height:8px;border-radius:50%;background:#9ca3af;flex:none}
.status[data-state=online] .dot{background:#4ade80}
.status[data-state=offline] .dot{background:#fca5a5}
.close{background:transparent;color:#fff;width:36px;height:36px;border-radius:8px;display:flex;align-items:center;justify-content:center;padding:0}
.close:hover{background:rgba(255,255,255,.18)}
.close svg{width:20px;height:20px}
.log{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:14px 12px;display:flex;flex-direction:column;gap:8px;background:#fff;margin:0;list-style:none}
.msg{max-width:85%;min-width:0;display:flex;flex-direction:column;gap:2px}
.msg[data-author=customer]{align-self:flex-end;align-items:flex-end}
.msg[data-author=bot],.msg[data-author=agent]{align-self:flex-start}
.msg[data-author=system]{align-self:center;max-width:95%}
.bubble{padding:8px 12px;border-radius:14px;overflow-wrap:anywhere;word-break:normal;min-width:0;max-width:100%}
.nw{white-space:nowrap}
.intro{display:flex;flex-direction:column;gap:8px;align-items:flex-start}
.intro .bubble{background:var(--bot);color:var(--ink);border-bottom-left-radius:4px;max-width:85%}
.chips,.opts{display:flex;flex-wrap:wrap;gap:6px;max-width:100%}
.opts{margin-top:4px}
.intro[hidden],.chips[hidden]{display:none}
.chip,.opt{background:#fff;color:var(--accent);border:1px solid var(--accent);border-radius:999px;padding:6px 12px;
font-size:14px;line-height:1.3;text-align:left;max-width:100%;overflow-wrap:anywhere}
.chip:hover,.opt:hover:enabled{background:var(--accent);color:#fff}
.opt:disabled{cursor:default;color:var(--muted);border-color:var(--line)}
.opt[aria-pressed=true]{background:var(--accent);border-color:var(--accent);color:#fff}
.msg[data-author=customer] .bubble{background:var(--accent);color:#fff;border-bottom-right-radius:4px}
.msg[data-author=customer] .bubble a{color:#fff}
.msg[data-author=bot] .bubble{background:var(--bot);color:var(--ink);border-bottom-left-radius:4px}
.msg[data-author=agent] .bubble{background:#fff7ed;color:var(--ink);border:1px solid #fdba74;border-bottom-left-radius:4px}
.msg[data-author=system] .bubble{background:#fef2f2;color:#991b1b;font-size:13px;text-align:center}
.bubble a{color:#0645ad;text-decoration:underline}
.who{font-size:12px;color:var(--muted);padding:0 4px}
.meta{font-size:12px;color:var(--muted);padding:0 4px}
.msg[data-status=pending] .bubble{opacity:.72}
.msg[data-status=error] .bubble{outline:2px solid #dc2626}
.meta.err{color:#b91c1c}
.retry{background:transparent;color:#1d4ed8;text-decoration:underline;padding:0 2px;font-size:12px}
.typing{padding:0 16px 8px;font-size:12.5px;color:var(--muted);display:flex;align-items:center;gap:6px;min-height:22px}
.typing[hidden]{display:none}
.dots{display:inline-flex;gap:3px}
.dots i{width:6px;height:6px;border-radius:50%;background:var(--muted);display:block;animation:hilo-blink 1.2s infinite ease-in-out}
.dots i:nth-child(2){animation-delay:.2s}.dots i:nth-child(3){animation-delay:.4s}
@keyframes hilo-blink{0%,80%,100%{opacity:.25}40%{opacity:1}}
@media (prefers-reduced-motion:reduce){.dots i{animation:none}.launcher{transition:none}}
.composer{display:flex;gap:8px;padding:10px;border-top:1px solid var(--line);align-items:flex-end;background:#fff}
textarea{flex:1;resize:none;font:inherit;color:var(--ink);background:#fff;border:1px solid #8c959f;border-radius:10px;
padding:8px 10px;min-height:40px;max-height:120px;line-height:1.4;margin:0}
textarea::placeholder{color:#6e7781}
.send{background:var(--accent);color:#fff;width:40px;height:40px;border-radius:10px;display:flex;align-items:center;justify-content:center;padding:0;flex:none}
.send svg{width:20px;height:20px}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
@media (max-width:480px){
.panel{top:var(--vv-top,0px);right:0;bottom:auto;left:0;width:100%;max-width:none;height:100vh;height:var(--vv-height,100dvh);
max-height:none;border-radius:0;border:0;box-shadow:none;padding:0 env(safe-area-inset-right) 0 env(safe-area-inset-left)}
.header{padding-top:calc(12px + env(safe-area-inset-top))}
.composer{padding-bottom:calc(10px + env(safe-area-inset-bottom))}
.root[data-open=true] .launcher{display:none}
.launcher{right:16px;bottom:calc(16px + env(safe-area-inset-bottom))}
textarea{font-size:16px}
.msg{max-width:90%}
}
`;
}
