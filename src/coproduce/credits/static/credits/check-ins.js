// The check-in page staff keep open at a session: ask for the list of check-ins every few
// seconds and swap it in when it changes, so young people appear without a reload. The
// status line above it (role="status") then says how many have checked in, read out politely.
// Nobody touching the page for as long as a session may stay idle stops the looking (so an
// unattended page does not keep its sign-in alive for ever) and says so. Without script, the
// "Refresh the list" link does the same job.
const region = document.querySelector("[data-check-ins]");
if (region) {
  const status = document.querySelector("[data-check-ins-status]");
  const hint = document.querySelector("[data-check-ins-hint]");
  const seconds = Number(region.dataset.refreshSeconds || "10");
  const stopAfter = Number(region.dataset.stopAfterSeconds || "1800") * 1000;
  let touched = Date.now();
  for (const event of ["pointerdown", "keydown", "scroll"]) {
    window.addEventListener(event, () => { touched = Date.now(); }, { passive: true });
  }
  if (hint) {
    hint.hidden = false;
  }
  const stop = () => {
    if (status) {
      status.textContent = region.dataset.stoppedText;
    }
    if (hint) {
      hint.hidden = true;
    }
  };
  const look = async () => {
    if (Date.now() - touched > stopAfter) {
      stop();
      return;
    }
    if (!document.hidden) {
      try {
        const answer = await fetch(region.dataset.refreshUrl, {
          cache: "no-store",
          credentials: "same-origin",
          redirect: "error",
        });
        if (!answer.ok) {
          stop();
          return;
        }
        const parsed = new DOMParser().parseFromString(await answer.text(), "text/html");
        const fresh = parsed.querySelector("[data-check-ins-list]");
        const current = region.querySelector("[data-check-ins-list]");
        if (fresh && current && fresh.outerHTML !== current.outerHTML) {
          current.replaceWith(document.adoptNode(fresh));
          if (status) {
            status.textContent = fresh.dataset.summary;
          }
        }
      } catch (error) {
        // Offline for a moment, or signed out (a redirect): try again on the next turn.
      }
    }
    window.setTimeout(look, seconds * 1000);
  };
  window.setTimeout(look, seconds * 1000);
}
