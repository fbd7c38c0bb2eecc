// The portal's only script, loaded as a module from the same origin (the CSP allows no inline script).
import { initAll } from '/nhsuk/nhsuk-frontend.min.js';
import { nhsNumberProblem } from '/js/nhs-number.js';

initAll();

// NHS number fields check the 3-3-4 format and the Modulus 11 check digit as the user types; the server checks again.
for (const input of document.querySelectorAll('input[data-nhs-number]')) {
  const message = document.getElementById(input.id + '-live');
  input.addEventListener('input', () => {
    const problem = input.value.trim() === '' ? '' : nhsNumberProblem(input.value);
    input.setCustomValidity(problem);
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (message) {
      message.textContent = problem;
    }
  });
}
