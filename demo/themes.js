// Switches the gallery's look: one class on the wrapper, nothing else.
const stage = document.getElementById('stage');
for (const radio of document.querySelectorAll('input[name=look]')) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    stage.className = `look-${radio.value}`;
  });
}
