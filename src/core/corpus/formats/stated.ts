/** Facts documents state about themselves (meta tags, document properties), cleaned the same way for every format. */
import { isoDate } from '../metadata';

/** 2025-03-05T10:00:00+08:00, 2025-03-05-10:00:00, 2025/3/5 10:00, 2025年3月5日, D:20250305… → ISO date. */
export function dateOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(value) ?? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value);
  return m ? isoDate(`${m[1]}-${m[2]}-${m[3]}`) : undefined;
}

/** Account names tools put where an author goes: they name no author. */
const NOT_AUTHOR =
  /^(?:admin(?:istrator)?|editor|user|owner|author|guest|webmaster|null|undefined|unknown|microsoft office user|microsoft account|python-docx|佚名|未知|管理员|网站管理员|微软用户|用户|作者|系统管理员)$/i;

/** Author names from stated values: split at 、 , ; and double spaces, tools' account names left out. */
export function authorsOf(values: readonly string[] | undefined): string[] | undefined {
  const names = (values ?? [])
    .flatMap((v) => v.split(/[;；、,，]|\s{2,}/))
    .map((s) => s.trim())
    .filter((s) => s && !NOT_AUTHOR.test(s));
  return names.length ? names : undefined;
}
