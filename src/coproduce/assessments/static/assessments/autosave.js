// Autosave for assessment pages: posts the form in the background a moment after each
// change (the server answers 204). Without JavaScript the Save buttons do the same job.
const form = document.querySelector("form[data-autosave]");
if (form) {
  const status = document.getElementById("autosave-status");
  let timer;
  let inflight = null;
  let submitting = false;
  const save = () => {
    if (submitting) return;
    const data = new FormData(form);
    inflight = fetch(form.getAttribute("action") || window.location.href, {
      method: "POST",
      body: data,
      headers: { "HX-Request": "true" },
      credentials: "same-origin",
    })
      .then((response) => {
        if (status) {
          status.textContent = response.ok ? status.dataset.saved : status.dataset.failed;
        }
      })
      .catch(() => {})
      .finally(() => {
        inflight = null;
      });
  };
  const later = (delay) => {
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  };
  form.addEventListener("input", () => later(1500));
  form.addEventListener("change", () => later(300));
  // A button press saves the whole form: no background save may start after it, and one
  // already on its way finishes first, so an older copy never lands after the newer one.
  form.addEventListener("submit", (event) => {
    clearTimeout(timer);
    if (submitting) return;
    submitting = true;
    if (inflight) {
      event.preventDefault();
      const button = event.submitter;
      inflight.finally(() => form.requestSubmit(button));
    }
  });
}
