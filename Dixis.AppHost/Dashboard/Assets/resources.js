// Refreshes the live columns (state, health, PID, restarts, uptime) every 2 s from the JSON API.
(function () {
  const cls = (prefix, value) => `badge ${prefix}-${String(value).toLowerCase()}`;
  const duration = (s) => s == null ? "-" : s < 60 ? `${Math.floor(s)} s`
    : s < 3600 ? `${Math.floor(s / 60)} min ${Math.floor(s % 60)} s` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  async function refresh() {
    try {
      const resources = await (await fetch("/api/resources")).json();
      let ready = 0, running = 0;
      for (const r of resources) {
        if (r.state !== "Skipped") running++;
        if (r.ready) ready++;
        const row = document.querySelector(`tr[data-resource="${CSS.escape(r.name)}"]`);
        if (!row) continue;
        const set = (field, text, className) => {
          const cell = row.querySelector(`[data-field="${field}"]`);
          cell.textContent = text;
          if (className) cell.className = className;
        };
        const health = r.state === "Skipped" ? "-" : r.health;
        set("state", r.state, cls("state", r.state));
        set("health", health, cls("health", r.state === "Skipped" ? "none" : health));
        row.querySelector('[data-field="health"]').title = r.healthDescription || r.detail || "";
        set("pid", r.processId ?? "-");
        set("restarts", r.restarts);
        set("uptime", duration(r.uptimeSeconds));
      }
      document.getElementById("summary").textContent =
        `${ready} of ${running} running resources healthy · ${resources.length - running} skipped`;
    } catch { /* the AppHost is stopping; keep the last view */ }
  }
  setInterval(refresh, 2000);
})();
