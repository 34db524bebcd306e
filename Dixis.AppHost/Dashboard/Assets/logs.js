// Appends a resource's new console lines as they arrive (Server-Sent Events); the page already holds the recent ones.
(function () {
  const console_ = document.getElementById("console");
  const live = document.getElementById("live");
  if (!console_ || !window.EventSource) return;
  const name = console_.dataset.resource;
  const source = new EventSource(`/resources/${encodeURIComponent(name)}/logs/stream?after=${console_.dataset.after}`);
  source.onopen = () => { live.textContent = "live"; };
  source.onerror = () => { live.textContent = "reconnecting…"; };
  source.addEventListener("line", (event) => {
    const line = JSON.parse(event.data);
    const atBottom = console_.scrollTop + console_.clientHeight >= console_.scrollHeight - 4;
    const span = document.createElement("span");
    span.className = `line ${line.stream}`;
    span.textContent = line.text; // textContent: log lines are never interpreted as HTML
    console_.append(span, "\n");
    if (atBottom) console_.scrollTop = console_.scrollHeight;
  });
  console_.scrollTop = console_.scrollHeight;
})();
