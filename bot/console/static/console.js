// The entry editor checks the entry as it is typed, with the same rules as `mreza kb check`.
(function () {
  "use strict";
  const editor = document.querySelector("form[data-check]");
  if (!editor) { return; }
  const report = document.getElementById("check-report");
  let timer = null;
  function check() {
    fetch(editor.dataset.check, { method: "POST", body: new FormData(editor), credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) { report.innerHTML = html; })
      .catch(function () { /* the check on saving still runs */ });
  }
  editor.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
}());

// The audience ticks: Everyone goes alone, so ticking it clears the others and ticking any other
// clears it (without this script the form refuses both at once in one line).
(function () {
  "use strict";
  const fieldset = document.querySelector("fieldset[data-audience]");
  if (!fieldset) { return; }
  fieldset.addEventListener("change", function (event) {
    const tick = event.target;
    if (!tick.checked) { return; }
    fieldset.querySelectorAll("input[type=checkbox]").forEach(function (other) {
      if (other !== tick && (tick.value === "all" || other.value === "all")) { other.checked = false; }
    });
  });
}());
