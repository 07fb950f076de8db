/**
 * Names as GB/T 7714-2015 8.1.2 writes them: a Western personal name surname first in capitals,
 * given names as initials without points (EINSTEIN A, KENNEDY W J, DE MORGAN A); Chinese names and
 * the names of bodies as written. Metadata gives a name as one string, so persons are told from
 * bodies by the form of the name: Latin script, at most four words, no word that names a body.
 */

const LATIN = /^[\p{Script=Latin}\s.,'’-]+$/u;
/** Words found in the names of organisations, never in a person's name. */
const BODY = new RegExp(
  `\\b(?:of|and|for|the|on|in|${[
    'Organi[sz]ation', 'Committee', 'Office', 'Bureau', 'Department', 'Ministry', 'Council', 'Association', 'Univ(?:ersity)?',
    'Institute', 'Cent(?:er|re)', 'Agency', 'Commission', 'Bank', 'Inc', 'Ltd', 'LLC', 'Corp(?:oration)?', 'Company', 'Group',
    'Society', 'Press', 'Foundation', 'Fund', 'Programm?e?', 'Service', 'Survey', 'Administration', 'Board', 'Authority',
    'Nations', 'Union', 'Government', 'Court', 'Academy', 'Library', 'School', 'College', 'Hospital', 'Network', 'Project',
    'Federation', 'Forum', 'Party', 'Congress', 'Parliament', 'Assembly', 'News', 'Times', 'Daily', 'Post', 'Team', 'Lab(?:oratory)?',
  ].join('|')})\\b`,
);
/** Lower-case particles that belong to the surname: Augustus de Morgan → DE MORGAN A. */
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'du', 'da', 'la', 'le', 'van', 'von', 'ten', 'ter']);
const INITIAL = /^\p{Lu}\.?$/u;
const CAPS = /^\p{Lu}[\p{Lu}'’-]+$/u;

interface PersonalName {
  family: string;
  /** Given names as written; `initials` says whether they are to be shortened. */
  given: string[];
  initials: boolean;
}

/** A Western personal name's parts, or undefined for a Chinese name, a body or anything unclear. */
export function personalName(name: string): PersonalName | undefined {
  const trimmed = name.trim();
  if (!LATIN.test(trimmed) || BODY.test(trimmed)) return undefined;
  const comma = trimmed.indexOf(',');
  if (comma >= 0) {
    // "Kennedy, William James": surname first, as a catalogue writes it.
    const given = trimmed.slice(comma + 1).trim().split(/\s+/).filter(Boolean);
    return given.some((g) => g.includes(',')) ? undefined : { family: trimmed.slice(0, comma).trim(), given, initials: true };
  }
  const words = trimmed.split(/\s+/);
  if (words.length > 4) return undefined;
  if (words.length === 1) return { family: words[0], given: [], initials: true };
  // "SMITH J R" / "EINSTEIN A": already surname first with initials.
  let initialsFrom = words.length;
  while (initialsFrom > 1 && INITIAL.test(words[initialsFrom - 1])) initialsFrom--;
  if (initialsFrom < words.length && !INITIAL.test(words[0])) {
    return { family: words.slice(0, initialsFrom).join(' '), given: words.slice(initialsFrom), initials: true };
  }
  // "LI Jiangning": a surname already in capitals comes first (Hanyu Pinyin, GB/T 28039); the given name stays.
  if (CAPS.test(words[0]) && !words.slice(1).some((w) => CAPS.test(w))) return { family: words[0], given: words.slice(1), initials: false };
  let familyFrom = words.length - 1;
  while (familyFrom > 1 && PARTICLES.has(words[familyFrom - 1])) familyFrom--;
  return { family: words.slice(familyFrom).join(' '), given: words.slice(0, familyFrom), initials: true };
}

/** A name for a GB/T 7714 reference list. */
export function gbtName(name: string): string {
  const person = personalName(name);
  if (!person) return name.trim();
  const given = person.initials
    ? person.given.flatMap((g) => g.split(/[.-]/)).filter(Boolean).map((g) => g[0].toUpperCase())
    : person.given;
  return [person.family.toUpperCase(), ...given].join(' ');
}

/** A name in an author-year citation: a Western surname alone (CRANE), other names in full (汪冰). */
export function gbtSurname(name: string): string {
  const person = personalName(name);
  return person ? person.family.toUpperCase() : name.trim();
}
