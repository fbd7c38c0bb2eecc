// NHS number: 10 digits, written 3-3-4 (spaces or none), the last a Modulus 11 check digit.
export function nhsNumberProblem(text) {
  const digits = text.replace(/\s+/g, '');
  if (!/^\d{10}$/.test(digits)) {
    return 'Enter an NHS number of 10 digits, like 999 123 4560';
  }
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    sum += Number(digits[i]) * (10 - i);
  }
  let check = 11 - (sum % 11);
  if (check === 11) {
    check = 0;
  }
  if (check === 10 || check !== Number(digits[9])) {
    return 'This NHS number is not valid: check the digits';
  }
  return '';
}
