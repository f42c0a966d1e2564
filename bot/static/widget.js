// Trợ lý số web widget: <script src="https://<gateway>/widget.js" defer></script>
(function () {
  var base = document.currentScript.src.replace(/widget\.js.*$/, "");
  var open = false, frame;
  var btn = document.createElement("button");
  btn.textContent = "💬 Trợ lý số";
  btn.setAttribute("aria-label", "Mở Trợ lý số");
  btn.style.cssText = "position:fixed;right:16px;bottom:16px;z-index:99999;font-size:18px;" +
    "padding:12px 18px;border-radius:28px;border:0;background:#b71c1c;color:#fff;cursor:pointer";
  btn.onclick = function () {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.src = base;
      frame.title = "Trợ lý số";
      frame.style.cssText = "position:fixed;right:16px;bottom:76px;z-index:99999;width:380px;" +
        "max-width:calc(100vw - 32px);height:70vh;border:1px solid #ccc;border-radius:12px;background:#fff";
      document.body.appendChild(frame);
    }
    open = !open;
    frame.style.display = open ? "block" : "none";
  };
  document.body.appendChild(btn);
})();
