/* Trợ lý số chat widget. Add it to any page of a site listed in WIDGET_ALLOWED_ORIGINS:
 *   <script src="https://<gateway>/widget.js" defer></script>
 * Options (attributes of that tag): data-mode="page" fills the page instead of a bubble.
 * Colours follow the CSS variables --troly-accent and --troly-ink set on #troly-widget.
 * No iframe: the widget lives in a shadow root, so the site's CSS cannot break it. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.src.replace(/widget\.js.*$/, "");
  var pageMode = script.getAttribute("data-mode") === "page";
  var KEY = "troly-sender", BIG = "troly-big", POLL_MS = 3000;
  var store = { get: function (k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode */ } } };
  var given = /[#&]id=([A-Za-z0-9_.-]+)/.exec(location.hash);  // a web mentor's issued id
  if (given) { store.set(KEY, given[1]); history.replaceState(null, "", location.pathname); }
  var sender = store.get(KEY), opened = false, busy = false, unread = 0;

  var CSS = [
    ":host{all:initial;--a:var(--troly-accent,#b71c1c);--i:var(--troly-ink,#111);--f:18px}",
    ":host(.big){--f:23px}",
    ":host(.page){display:block}",
    "*{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}",
    "button,input{font-size:var(--f)}",
    ":focus-visible{outline:3px solid #ffbf00;outline-offset:2px}",
    ".launch{position:fixed;right:16px;bottom:16px;z-index:2147483000;min-height:56px;padding:12px 20px;" +
      "border:0;border-radius:28px;background:var(--a);color:#fff;font-weight:700;cursor:pointer;" +
      "box-shadow:0 2px 10px rgba(0,0,0,.35)}",
    ".badge{display:inline-block;min-width:1.6em;margin-left:8px;padding:0 6px;border-radius:1em;" +
      "background:#fff;color:var(--a)}",
    ".panel{position:fixed;right:16px;bottom:84px;z-index:2147483000;width:400px;height:min(640px,78vh);" +
      "display:flex;flex-direction:column;background:#fff;color:var(--i);border:2px solid #333;" +
      "border-radius:12px;overflow:hidden;box-shadow:0 4px 24px rgba(0,0,0,.35)}",
    ".panel[hidden]{display:none}",
    "@media (max-width:480px){.panel{inset:0;width:100%;height:100%;border-radius:0;border:0}}",
    ":host(.page) .panel{position:static;width:100%;height:100vh;height:100dvh;border:0;border-radius:0;box-shadow:none}",
    "header{display:flex;align-items:center;gap:8px;padding:8px 10px;background:var(--a);color:#fff}",
    "h2{flex:1;margin:0;font-size:var(--f);font-weight:700}",
    "header button{min-height:44px;min-width:44px;padding:6px 10px;border:2px solid #fff;border-radius:8px;" +
      "background:transparent;color:#fff;cursor:pointer}",
    "header button[aria-pressed=true]{background:#fff;color:var(--a)}",
    ".log{flex:1;overflow-y:auto;padding:10px;background:#f4f4f4;font-size:var(--f);line-height:1.5}",
    ".msg{max-width:88%;margin:8px 0;padding:10px 14px;border-radius:14px;white-space:pre-wrap;" +
      "overflow-wrap:anywhere}",
    ".bot{background:#fff;border:1px solid #777;color:var(--i)}",
    ".me{margin-left:auto;background:#0d47a1;color:#fff}",
    ".msg a{color:#0b3d91;text-decoration:underline;font-weight:600}",
    ".buttons{display:flex;flex-wrap:wrap;gap:8px;margin:4px 0 10px}",
    ".buttons button{min-height:48px;padding:8px 14px;border:2px solid #0d47a1;border-radius:22px;" +
      "background:#fff;color:#0d47a1;cursor:pointer;text-align:left}",
    ".buttons button:hover{background:#e3ecfa}",
    ".status{min-height:1.5em;padding:0 12px;font-size:calc(var(--f)*.85);color:#333;background:#f4f4f4}",
    "form{display:flex;gap:8px;padding:10px;border-top:2px solid #999;background:#fff}",
    "input{flex:1;min-width:0;min-height:48px;padding:8px 10px;border:2px solid #555;border-radius:10px;color:var(--i)}",
    "form button{min-height:48px;padding:8px 16px;border:0;border-radius:10px;background:var(--a);color:#fff;" +
      "font-weight:700;cursor:pointer}",
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
  ].join("\n");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  var host = el("div", { id: "troly-widget" });
  var root = host.attachShadow({ mode: "open" });
  root.appendChild(el("style", {}, CSS));
  var launch = el("button", { type: "button", class: "launch", "aria-expanded": "false",
    "aria-controls": "troly-panel" });
  var panel = el("section", { id: "troly-panel", class: "panel", "aria-labelledby": "troly-title" });
  var header = el("header");
  header.appendChild(el("h2", { id: "troly-title" }, "Trợ lý số – Bình dân học vụ số"));
  var bigToggle = el("button", { type: "button", "aria-pressed": "false",
    title: "Phóng to hoặc thu nhỏ chữ" }, "Chữ to");
  var close = el("button", { type: "button", "aria-label": "Đóng khung trò chuyện" }, "✕");
  header.appendChild(bigToggle);
  if (!pageMode) header.appendChild(close);
  var log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
    "aria-label": "Các tin nhắn", tabindex: "0" });
  var status = el("div", { class: "status", role: "status", "aria-live": "polite" });
  var form = el("form");
  var input = el("input", { id: "troly-input", type: "text", autocomplete: "off", maxlength: "4000",
    enterkeyhint: "send", placeholder: "Gõ câu hỏi (có dấu hay không dấu đều được)…",
    "aria-label": "Câu hỏi của bạn" });
  var sendButton = el("button", { type: "submit" }, "Gửi");
  form.appendChild(input); form.appendChild(sendButton);
  [header, log, status, form].forEach(function (part) { panel.appendChild(part); });
  if (pageMode) { host.className = "page"; } else { panel.hidden = true; root.appendChild(launch); }
  root.appendChild(panel);

  // Text with clickable links. A defanged address (xa[.]vn, hxxp://) is never a link.
  var URL_RE = /https?:\/\/[^\s<>"'`]+/g;
  function isOfficial(url) {
    try { return /(^|\.)gov\.vn$/i.test(new URL(url).hostname); } catch (e) { return false; }
  }
  function appendText(node, text) {
    var last = 0, match;
    URL_RE.lastIndex = 0;
    while ((match = URL_RE.exec(text))) {
      var url = match[0].replace(/[.,;:!?)\]}»"']+$/, "");
      if (/\[|\]|\(\.\)|\{\.\}/.test(url) || !url) continue;  // defanged or empty: stays text
      node.appendChild(document.createTextNode(text.slice(last, match.index)));
      var link = el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, url);
      link.appendChild(el("span", { class: "sr" }, isOfficial(url)
        ? " (trang chính thức, mở trong thẻ mới)" : " (mở trong thẻ mới)"));
      node.appendChild(link);
      last = match.index + url.length;
      URL_RE.lastIndex = last;
    }
    node.appendChild(document.createTextNode(text.slice(last)));
  }

  function add(text, who) {
    var bubble = el("div", { class: "msg " + who });
    if (who === "me") bubble.appendChild(el("span", { class: "sr" }, "Bạn: "));
    appendText(bubble, text || "");
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
  }

  function show(bubbles) {
    (Array.isArray(bubbles) ? bubbles : []).forEach(function (b) {
      add(b.text, "bot");
      if (!b.buttons || !b.buttons.length) return;
      var row = el("div", { class: "buttons", role: "group", "aria-label": "Chọn một mục" });
      b.buttons.forEach(function (btn) {
        var press = el("button", { type: "button" }, btn.title);
        press.addEventListener("click", function () { send(btn.payload, btn.title); });
        row.appendChild(press);
      });
      log.appendChild(row);
    });
    log.scrollTop = log.scrollHeight;
  }

  function call(path, options) {
    options = options || {};
    options.credentials = "same-origin";
    return fetch(base + path, options).then(function (r) {
      var issued = r.headers.get("X-Troly-Sender");
      if (issued) { sender = issued; store.set(KEY, issued); }  // a new conversation began
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  function ensureSender() {
    if (sender) return Promise.resolve(false);
    return call("api/session", { method: "POST" }).then(function (data) {
      sender = data.sender; store.set(KEY, sender); return true;
    });
  }

  function send(message, shown) {
    if (shown !== null) add(shown || message, "me");
    busy = true; log.setAttribute("aria-busy", "true"); status.textContent = "Trợ lý số đang trả lời…";
    return ensureSender().then(function () {
      return call("api/chat", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: sender, message: message }) });
    }).then(show).catch(function () {
      add("Mất kết nối. Bạn thử gửi lại sau ít phút nhé.", "bot");
    }).then(function () {
      busy = false; log.removeAttribute("aria-busy"); status.textContent = "";
    });
  }

  function setUnread(count) {
    unread = count;
    launch.textContent = "";
    launch.appendChild(el("span", { "aria-hidden": "true" }, "💬 "));
    launch.appendChild(document.createTextNode("Hỏi Trợ lý số"));
    if (count) launch.appendChild(el("span", { class: "badge" }, String(count)));
    launch.setAttribute("aria-label", count ? "Hỏi Trợ lý số, " + count + " tin nhắn mới" : "Hỏi Trợ lý số");
  }

  function poll() {
    if (!sender || busy || document.hidden) return;
    call("api/inbox?sender=" + encodeURIComponent(sender)).then(function (bubbles) {
      if (!bubbles.length) return;
      show(bubbles);
      if (!opened && !pageMode) setUnread(unread + bubbles.length);
    }).catch(function () { /* offline for now; the next poll tries again */ });
  }

  function setOpen(isOpen) {
    opened = isOpen;
    panel.hidden = !isOpen;
    launch.setAttribute("aria-expanded", String(isOpen));
    if (isOpen) {
      setUnread(0);
      input.focus();
      if (!log.childNodes.length) send("/greet", null);  // opens like Telegram's Start
    } else { launch.focus(); }
  }

  function setBig(isBig) {
    host.classList.toggle("big", isBig);
    bigToggle.setAttribute("aria-pressed", String(isBig));
    store.set(BIG, isBig ? "1" : "0");
    log.scrollTop = log.scrollHeight;  // bigger text: keep the newest message in view
  }

  launch.addEventListener("click", function () { setOpen(!opened); });
  close.addEventListener("click", function () { setOpen(false); });
  bigToggle.addEventListener("click", function () { setBig(!host.classList.contains("big")); });
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape" && !pageMode) setOpen(false); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    input.value = "";
    if (text) send(text);
  });
  setBig(store.get(BIG) === "1");
  setUnread(0);
  (pageMode && script.parentNode !== document.head ? script.parentNode : document.body).appendChild(host);
  if (pageMode) setOpen(true);
  setInterval(poll, POLL_MS);
})();
