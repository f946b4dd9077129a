// The waiting page for a prepared file: look again every few seconds, quietly, and show the
// new page only once the file is ready or has failed (a whole-page refresh every few seconds
// would make a screen reader start again each time). Without script, "Check again" does it.
const holder = document.querySelector("[data-prepared-status]");
if (holder && holder.dataset.preparedStatus === "queued") {
  const seconds = Number(holder.dataset.refreshSeconds || "3");
  const look = async () => {
    try {
      const answer = await fetch(window.location.href, { cache: "no-store", credentials: "same-origin" });
      if (answer.ok) {
        const page = new DOMParser().parseFromString(await answer.text(), "text/html");
        const now = page.querySelector("[data-prepared-status]");
        if (now && now.dataset.preparedStatus !== "queued") {
          window.location.reload();
          return;
        }
      } else if (answer.status === 404) {
        window.location.reload();
        return;
      }
    } catch (error) {
      // Offline for a moment: try again on the next turn.
    }
    window.setTimeout(look, seconds * 1000);
  };
  window.setTimeout(look, seconds * 1000);
}
