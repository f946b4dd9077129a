// The waiting page for a prepared file (core/prepared_file.html): look again every few
// seconds, quietly, and once the file is ready or has failed, put the new heading, message and
// buttons in place without reloading. The message is a live region (role=status) that stays
// in the page, so a screen reader says "… is ready to download (PDF, 240 KB)" once, instead of
// starting the whole page again. Without script, "Check again" reloads the page.
const holder = document.querySelector("[data-prepared-status]");

const show = (page) => {
  const now = page.querySelector("[data-prepared-status]");
  const parts = ["[data-prepared-title]", "[data-prepared-body]"];
  for (const part of parts) {
    const here = holder.querySelector(part);
    const there = now.querySelector(part);
    if (here && there) {
      here.replaceChildren(...there.childNodes);
    }
  }
  const message = holder.querySelector("[data-prepared-message]");
  const newMessage = now.querySelector("[data-prepared-message]");
  if (message && newMessage) {
    message.textContent = newMessage.textContent;
  }
  holder.dataset.preparedStatus = now.dataset.preparedStatus;
  document.title = page.title;
};

if (holder && holder.dataset.preparedStatus === "queued") {
  const seconds = Number(holder.dataset.refreshSeconds || "3");
  const look = async () => {
    try {
      const answer = await fetch(window.location.href, { cache: "no-store", credentials: "same-origin" });
      if (answer.ok) {
        const page = new DOMParser().parseFromString(await answer.text(), "text/html");
        const now = page.querySelector("[data-prepared-status]");
        if (now && now.dataset.preparedStatus !== "queued") {
          show(page);
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
