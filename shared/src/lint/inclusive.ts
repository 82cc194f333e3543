import { skipKinds, type RuleOf } from '../kit';

type Swap = Record<string, string | string[]>;

// Wording that leaves people out, after the Conscious Style Guide, the Microsoft and Google style
// guides' bias-free sections and alex (alexjs.com). A single suggestion is a safe fix (job titles);
// idioms get two, since which reads well depends on the sentence, so a person picks.

const gendered: Swap = {
  chairman: 'chair', chairmen: 'chairs', chairwoman: 'chair', chairwomen: 'chairs',
  salesman: 'salesperson', salesmen: 'salespeople', saleswoman: 'salesperson', saleswomen: 'salespeople',
  businessman: 'businessperson', businessmen: 'businesspeople', businesswoman: 'businessperson', businesswomen: 'businesspeople',
  spokesman: 'spokesperson', spokesmen: 'spokespeople', spokeswoman: 'spokesperson', spokeswomen: 'spokespeople',
  policeman: 'police officer', policemen: 'police officers', policewoman: 'police officer', policewomen: 'police officers',
  fireman: 'firefighter', firemen: 'firefighters', foreman: 'supervisor', foremen: 'supervisors',
  cameraman: 'camera operator', cameramen: 'camera operators', middleman: 'intermediary', middlemen: 'intermediaries',
  mailman: 'mail carrier', mailmen: 'mail carriers', postman: 'postal worker', postmen: 'postal workers',
  repairman: 'technician', repairmen: 'technicians', workman: 'worker', workmen: 'workers',
  layman: 'layperson', laymen: 'laypeople', craftsman: 'artisan', craftsmen: 'artisans',
  freshman: 'first-year student', freshmen: 'first-year students',
  stewardess: 'flight attendant', stewardesses: 'flight attendants', waitress: 'server', waitresses: 'servers',
  mankind: 'humankind',
  manpower: ['workforce', 'staff'],
  'man-hours': ['person-hours', 'work hours'],
  'man-made': ['artificial', 'synthetic'],
  manmade: ['artificial', 'synthetic'],
  'you guys': ['you all', 'everyone'],
  'hey guys': ['hi everyone', 'hi all'],
  'hi guys': ['hi everyone', 'hi all'],
  "gentleman's agreement": ['unwritten agreement', 'handshake deal'],
  'right-hand man': ['right hand', 'trusted deputy'],
};

const ableist: Swap = {
  crazy: ['wild', 'surprising'],
  insane: ['astonishing', 'extreme'],
  insanely: ['extremely', 'incredibly'],
  lame: ['dull', 'weak'],
  dumb: ['silly', 'pointless'],
  psycho: ['erratic', 'unpredictable'],
  'blind spot': ['gap', 'oversight'],
  'blind spots': ['gaps', 'oversights'],
  'turn a blind eye': ['ignore', 'look away'],
  'turned a blind eye': ['ignored', 'looked away'],
  'fall on deaf ears': ['be ignored', 'go unheard'],
  'falls on deaf ears': ['is ignored', 'goes unheard'],
  'fell on deaf ears': ['was ignored', 'went unheard'],
  'falling on deaf ears': ['being ignored', 'going unheard'],
  'tone-deaf': ['insensitive', 'out of touch'],
  crippled: ['hampered', 'stalled'],
  crippling: ['severe', 'crushing'],
  'sanity check': ['quick check', 'confidence check'],
  'wheelchair-bound': ['wheelchair user', 'who uses a wheelchair'],
  handicapped: ['disabled', 'accessible'],
};

const ageCoded: Swap = {
  'digital native': ['tech-savvy person', 'comfortable with technology'],
  'digital natives': ['tech-savvy people', 'people comfortable with technology'],
  'young and energetic': ['energetic', 'motivated'],
  'young and dynamic': ['dynamic', 'motivated'],
  'young and hungry': ['driven', 'ambitious'],
  'fresh blood': ['new perspectives', 'new talent'],
  'old-timers': ['long-serving staff', 'veterans'],
  elderly: ['older', 'older adults'],
  'senior citizens': ['older adults', 'older people'],
};

function substitution(id: string, message: string, swap: Swap): RuleOf<'substitution'> {
  return { type: 'substitution', id, severity: 'warning', message, swap, ignoreCase: true, keepCase: true, regex: false, skip: [...skipKinds], note: 'From the inclusive-language preset.' };
}

/** The inclusive-language preset: gendered job terms, ableist idioms and age-coded phrases, each with suggestions. */
export const inclusiveRules = (): RuleOf<'substitution'>[] => [
  substitution('inclusive.gendered', "Consider '%s' instead of '%s': it includes everyone.", gendered),
  substitution('inclusive.ableist', "Consider '%s' instead of '%s': it does not use a disability as a figure of speech.", ableist),
  substitution('inclusive.age', "Consider '%s' instead of '%s': it does not leave people out by age.", ageCoded),
];
