// Autosave for assessment pages: posts the form in the background a moment after each
// change (the server answers 204). Without JavaScript the Save buttons do the same job.
const form = document.querySelector("form[data-autosave]");
if (form) {
  const status = document.getElementById("autosave-status");
  let timer;
  const save = () => {
    const data = new FormData(form);
    fetch(form.getAttribute("action") || window.location.href, {
      method: "POST",
      body: data,
      headers: { "HX-Request": "true" },
      credentials: "same-origin",
    }).then((response) => {
      if (status) {
        status.textContent = response.ok ? status.dataset.saved : status.dataset.failed;
      }
    });
  };
  const later = (delay) => {
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  };
  form.addEventListener("input", () => later(1500));
  form.addEventListener("change", () => later(300));
}
