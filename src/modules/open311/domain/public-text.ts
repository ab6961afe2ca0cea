import { maskPhone, maskSensitiveText } from '../../../platform/masking';

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const LANDLINE = /(?<![0-9*])(0\d{2,3})[- ]?(\d{5,6})(\d{2})(?![0-9])/g;

/**
 * Text as the public listing may show it: what unit users see (resident ID and mobile numbers masked,
 * src/platform/masking.ts), and further no e-mail address, no landline number, and not the caller's own name or
 * phone wherever they appear in it.
 */
export function publicText(text: string, caller: { name: string | null; phone: string | null } | null): string {
  let out = maskSensitiveText(text)
    .replace(EMAIL, (_m, head: string, domain: string) => `${head}***@${domain}`)
    .replace(LANDLINE, (_m, area: string, _mid: string, tail: string) => `${area}-****${tail}`);
  const phone = caller?.phone?.replace(/\D/g, '');
  if (phone && phone.length >= 5) out = out.split(phone).join(maskPhone(phone) ?? '****');
  const name = caller?.name?.trim();
  if (name && name.length >= 2) out = out.split(name).join(maskName(name));
  return out;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***, John Smith → J*********. */
export const maskName = (name: string): string => `${[...name][0]}${'*'.repeat([...name].length - 1)}`;
