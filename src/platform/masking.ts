/** Masks a phone number as 138****5678: keeps the first 3 and last 4 digits. Short numbers keep their last 2. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\s|-/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length > 4) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
  return '****';
}

const ID_NUMBER = /(?<![0-9])([1-9]\d{5})(\d{8})(\d{3}[0-9Xx])(?![0-9])/g;
const MOBILE = /(?<![0-9])(1[3-9]\d)(\d{4})(\d{4})(?![0-9])/g;

/** Masks resident ID numbers (18 digits, keeps region and last 4) and mobile numbers inside free text. */
export function maskSensitiveText(text: string): string {
  return text
    .replace(ID_NUMBER, (_m, region: string, _birth: string, tail: string) => `${region}********${tail}`)
    .replace(MOBILE, (_m, head: string, _mid: string, tail: string) => `${head}****${tail}`);
}
