// Workshop room, live: the page works without this file (forms and an "Actualiser" link). With it,
// the live part follows the room through server-sent events; the facilitator's controls and the
// participant's own forms are read again when what they are built on changes.
(function () {
  "use strict";
  var live = document.querySelector("[data-live]");
  if (!live || !window.EventSource) return;
  var me = live.getAttribute("data-me");
  var raised = live.getAttribute("data-raised") === "1";
  var structure = live.getAttribute("data-structure");
  var position = document.getElementById("ma-position");

  function reload() { window.location.reload(); }

  // The facilitator's blocks (queue with its buttons, participants) read again from the page.
  function refreshBlocks() {
    var blocks = document.querySelectorAll("[data-refresh]");
    if (!blocks.length) return;
    fetch(window.location.pathname, { credentials: "same-origin" }).then(function (r) { return r.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        blocks.forEach(function (block) {
          var fresh = page.getElementById(block.id);
          if (fresh) block.innerHTML = fresh.innerHTML;
        });
      });
  }

  function place() {
    if (!me) return;
    var speaker = live.querySelector("[data-speaker]");
    var mine = live.querySelector('[data-p="' + me + '"]');
    var speaking = speaker && speaker.getAttribute("data-speaker") === me;
    if ((mine !== null || speaking) !== raised) { reload(); return; }
    if (!position) return;
    if (speaking) position.textContent = live.getAttribute("data-speaking-text");
    else if (mine) position.textContent = live.getAttribute("data-position-text").replace("{n}", mine.getAttribute("data-position"));
    else position.textContent = "";
  }

  function countdown() {
    var timer = live.querySelector("[data-ends]");
    if (!timer) return;
    var left = Math.max(0, Math.round((Number(timer.getAttribute("data-ends")) - Date.now()) / 1000));
    var out = timer.querySelector(".countdown");
    if (out) out.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
  }

  var source = new EventSource(live.getAttribute("data-live"));
  source.addEventListener("room", function (event) {
    var cut = event.data.indexOf("\n");
    var header = JSON.parse(cut < 0 ? event.data : event.data.slice(0, cut));
    if (header.closed || header.structure !== structure) { source.close(); reload(); return; }
    live.innerHTML = cut < 0 ? "" : event.data.slice(cut + 1);
    live.setAttribute("data-version", header.version);
    place();
    countdown();
    refreshBlocks();
  });
  window.setInterval(countdown, 1000);
})();
