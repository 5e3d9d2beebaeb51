// biome-ignore-all format: word lists packed by hand, many to a line (the formatter would put one a line)
// Word lists for the synthetic wire corpus. All written for this benchmark (no corpus text): the
// shape follows ../shared/corpus/VARIANTS.md, the words are our own.

export const SECTIONS: { name: string; weight: number; places: 'home' | 'world' | 'mixed' }[] = [
  { name: 'Pakistan', weight: 22, places: 'home' },
  { name: 'World', weight: 19, places: 'world' },
  { name: 'Business', weight: 18, places: 'mixed' },
  { name: 'Markets', weight: 12, places: 'home' },
  { name: 'Sports', weight: 12, places: 'mixed' },
  { name: 'Technology', weight: 7, places: 'mixed' },
  { name: 'National', weight: 6, places: 'home' },
  { name: 'Lifestyle', weight: 4, places: 'mixed' },
];

/** Headline subjects per section: every list has exactly SUBJECTS_PER_SECTION entries. */
export const SUBJECTS: Record<string, string[]> = {
  Pakistan: [
    'Cabinet', 'Senate panel', 'National Assembly', 'Provincial government', 'Election commission', 'Opposition alliance',
    'Interior ministry', 'Foreign office', 'Planning commission', 'Water authority', 'Railways ministry', 'Health ministry',
    'Education board', 'Housing authority', 'Police chief', 'Chief minister', 'Governor', 'Supreme Court',
    'High court', 'Municipal council', 'Disaster agency', 'Climate ministry', 'Power division', 'Ports authority',
    'Labour ministry', 'Religious affairs ministry', 'Parliamentary committee', 'Information ministry', 'Tourism board', 'Customs service',
  ],
  World: [
    'Foreign ministers', 'UN agency', 'European Union', 'Gulf states', 'G20 envoys', 'Security Council',
    'Aid groups', 'Trade bloc', 'Central Asian leaders', 'Asean members', 'African Union', 'White House',
    'Kremlin', 'Beijing', 'Tokyo', 'Tehran', 'Ankara', 'Kabul authorities',
    'Peace envoys', 'World Bank', 'IMF staff', 'Climate negotiators', 'Shipping firms', 'Refugee agency',
    'Election observers', 'Border officials', 'Energy ministers', 'Health agency', 'Nuclear watchdog', 'Rights groups',
  ],
  Business: [
    'State Bank', 'Finance ministry', 'Tax authority', 'Textile exporters', 'Cement makers', 'Automakers',
    'Fertiliser plants', 'Refineries', 'Oil regulator', 'Power regulator', 'Chamber of commerce', 'Banks',
    'Insurers', 'Sugar mills', 'Steel makers', 'Shipping council', 'Airline', 'Gas utility',
    'Investment board', 'Privatisation commission', 'Trade body', 'Small traders', 'Rice exporters', 'Leather industry',
    'Pharma makers', 'Real estate developers', 'Microfinance lenders', 'Dairy farmers', 'Fishermen', 'Seafood exporters',
  ],
  Markets: [
    'Stock exchange', 'KSE-100 index', 'Rupee', 'Gold', 'Cotton', 'Wheat',
    'Crude oil', 'Bond yields', 'Treasury bills', 'Open market dollar', 'Palm oil', 'Copper',
    'Brokers', 'Mutual funds', 'Foreign investors', 'Bullion traders', 'Sugar prices', 'Urea prices',
    'Cement shares', 'Bank stocks', 'Oil shares', 'Tech stocks', 'Asian markets', 'Wall Street',
    'Money market', 'Interbank rate', 'Sukuk auction', 'Forex reserves', 'Remittances', 'Car sales',
  ],
  Sports: [
    'Cricket board', 'National team', 'Hockey federation', 'Women’s team', 'Selectors', 'Test captain',
    'Coach', 'Squash champion', 'Football federation', 'Athletics body', 'Olympic committee', 'Kabaddi team',
    'Snooker champion', 'Tennis star', 'Junior squad', 'Spin bowler', 'Fast bowler', 'Opening batter',
    'League franchise', 'Sports board', 'Boxing federation', 'Polo club', 'Wrestling team', 'Badminton players',
    'Cycling federation', 'Golf association', 'Marathon organisers', 'Umpires panel', 'Stadium authority', 'Fans',
  ],
  Technology: [
    'Telecom regulator', 'Tech startups', 'IT exporters', 'Telecom firms', 'Software houses', 'Fintech firms',
    'Cybersecurity agency', 'Satellite agency', 'E-commerce platforms', 'Data centre firms', 'Mobile makers', 'Chip makers',
    'Broadband providers', 'Ride-hailing apps', 'Digital bank', 'Research council', 'Science ministry', 'Tech park',
    'Freelancers', 'Gaming studios', 'AI lab', 'Payment network', 'Cloud providers', 'Social media firms',
    'Electric vehicle makers', 'Solar installers', 'Battery makers', 'Robotics team', 'Drone makers', 'Coding schools',
  ],
  National: [
    'District administration', 'Irrigation department', 'Forest department', 'Wildlife board', 'Rescue service', 'Traffic police',
    'City mayor', 'Union council', 'Local farmers', 'Teachers union', 'Doctors association', 'Lawyers forum',
    'Traders association', 'Transporters', 'Bar council', 'University senate', 'Vaccination teams', 'Food authority',
    'Heritage department', 'Museum board', 'Archives office', 'Population council', 'Scouts association', 'Red Crescent',
    'Cantonment board', 'Water board', 'Housing society', 'Market committee', 'Zakat council', 'Auqaf department',
  ],
  Lifestyle: [
    'Fashion week', 'Film festival', 'Book fair', 'Food festival', 'Art council', 'Theatre group',
    'Music academy', 'Craft bazaar', 'Museum curators', 'Poets', 'Drama makers', 'Film censor board',
    'Travel agents', 'Chefs', 'Designers', 'Photographers', 'Heritage walk', 'Literature festival',
    'Folk singers', 'Truck artists', 'Calligraphers', 'Cinema owners', 'Wedding planners', 'Bloggers',
    'Gardeners', 'Potters', 'Weavers', 'Sufi musicians', 'Comedians', 'Dance troupe',
  ],
};

export const VERBS = [
  'approves', 'rejects', 'plans', 'unveils', 'seeks', 'delays', 'extends', 'announces', 'reviews', 'backs',
  'warns over', 'eyes', 'cuts', 'raises', 'defends', 'questions', 'welcomes', 'signs', 'launches', 'suspends',
  'proposes', 'debates', 'completes', 'targets', 'resumes', 'halts', 'expands', 'tightens', 'eases', 'probes',
];

export const OBJECTS = [
  'new tax regime', 'power tariff hike', 'export incentives', 'budget proposals', 'fuel price revision', 'trade deal',
  'loan review', 'import curbs', 'wheat procurement', 'solar scheme', 'rail upgrade', 'port expansion',
  'digital payments plan', 'rate decision', 'currency swap', 'gas pricing formula', 'debt plan', 'privatisation list',
  'dam project', 'housing scheme', 'water accord', 'match schedule', 'broadband rollout', 'health card programme',
  'school reforms', 'tariff structure', 'bond auction', 'support price', 'airport upgrade', 'mining licences',
  'textile package', 'climate fund', 'security talks', 'visa policy', 'vaccine drive', 'minimum wage',
];

export const QUALIFIERS = [
  'for next fiscal year', 'amid protests', 'after talks', 'in Karachi', 'in Lahore', 'before deadline',
  'ahead of budget', 'despite concerns', 'for small firms', 'for exporters', 'in Punjab', 'in Sindh',
  'after delay', 'amid shortages', 'as prices climb', 'after court ruling', 'under new plan', 'in first quarter',
  'with China', 'with Gulf partners', 'for rural areas', 'in Quetta', 'in Peshawar', 'after floods',
  'amid heatwave', 'for second time', 'in landmark move', 'after review', 'to curb losses', 'to boost growth',
  'amid slowdown', 'for youth', 'on Monday', 'this winter', 'before elections', 'amid inflation fears',
];

export const FIRST_NAMES = [
  'Ahmed', 'Sana', 'Bilal', 'Ayesha', 'Hamza', 'Fatima', 'Usman', 'Zainab', 'Imran', 'Nadia', 'Farhan', 'Hira',
  'Kamran', 'Saima', 'Tariq', 'Mehreen', 'Adeel', 'Rabia', 'Shahid', 'Amna', 'Junaid', 'Maryam', 'Faisal', 'Iqra',
  'James', 'Laura', 'Pierre', 'Chen', 'Yuki', 'Omar', 'Leila', 'Daniel', 'Maria', 'Arjun', 'Ines', 'Tomasz',
];

export const LAST_NAMES = [
  'Raza', 'Qureshi', 'Hassan', 'Malik', 'Siddiqui', 'Butt', 'Chaudhry', 'Khan', 'Sheikh', 'Abbasi', 'Mirza', 'Baloch',
  'Awan', 'Javed', 'Iqbal', 'Rehman', 'Zaidi', 'Naqvi', 'Hussain', 'Shah', 'Farooq', 'Akhtar', 'Bhatti', 'Memon',
  'Walker', 'Moreau', 'Wei', 'Tanaka', 'Haddad', 'Novak', 'Silva', 'Kumar', 'Fischer', 'Rossi', 'Dubois', 'Kowalski',
];

export const TITLES = [
  'the finance minister', 'a senior official', 'the spokesperson', 'the chairman', 'an economist', 'the governor',
  'a company executive', 'the coach', 'a market analyst', 'the minister', 'a diplomat', 'the secretary',
  'a union leader', 'the mayor', 'a researcher', 'the director general',
];

export const HOME_CITIES = ['KARACHI', 'ISLAMABAD', 'LAHORE', 'PESHAWAR', 'QUETTA', 'MULTAN', 'FAISALABAD', 'HYDERABAD', 'SIALKOT', 'GWADAR', 'RAWALPINDI', 'MIRPUR (AJK)'];
export const WORLD_CITIES = [
  'BEIJING', 'LONDON', 'WASHINGTON', 'NEW DELHI', 'DUBAI', 'RIYADH', 'TOKYO', 'GENEVA', 'KABUL', 'TEHRAN', 'ANKARA',
  'PARIS', 'BERLIN', 'NEW YORK', 'GAZA STRIP', 'FAIRFAX (Virginia)', 'SYDNEY', 'MOSCOW', 'DOHA', 'SINGAPORE', 'DES MOINES', 'BRUSSELS',
];

export const NOUNS = [
  'proposal', 'committee', 'report', 'market', 'project', 'agreement', 'budget', 'ministry', 'policy', 'plan',
  'survey', 'programme', 'decision', 'meeting', 'statement', 'review', 'tender', 'shipment', 'harvest', 'index',
  'network', 'season', 'tournament', 'fund', 'reserve', 'deficit', 'surplus', 'audit', 'inquiry', 'forecast',
];

export const ADJECTIVES = [
  'new', 'revised', 'long-awaited', 'controversial', 'ambitious', 'modest', 'interim', 'final', 'provincial', 'federal',
  'regional', 'annual', 'quarterly', 'joint', 'independent', 'fresh', 'additional', 'urgent', 'landmark', 'costly',
];

export const VERBS_PAST = [
  'approved', 'rejected', 'announced', 'reviewed', 'delayed', 'extended', 'welcomed', 'questioned', 'signed', 'launched',
  'suspended', 'completed', 'expanded', 'criticised', 'endorsed', 'finalised', 'discussed', 'outlined', 'revised', 'challenged',
];

export const TIME_PHRASES = [
  'on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'on Saturday', 'on Sunday', 'last week',
  'earlier this month', 'in the coming weeks', 'by the end of the year', 'next month', 'this year', 'last year',
  'in the first half', 'over the weekend', 'within days', 'later this week',
];

export const CLAUSES = [
  'the move would help stabilise prices', 'the decision had been taken after wide consultation',
  'more funds would be needed to finish the work', 'the timeline depended on approvals from several departments',
  'the figures showed a steady improvement', 'stakeholders had raised serious objections',
  'the plan would be reviewed again after three months', 'officials were working to remove the bottlenecks',
  'exports were expected to pick up in the next quarter', 'the shortfall would be met through new borrowing',
  'the teams had trained hard for the series', 'the system would go live in phases',
  'families in remote districts would benefit first', 'the committee would meet again next week',
  'a detailed report would be presented to the cabinet', 'the matter was being handled at the highest level',
  'the project had already created thousands of jobs', 'prices had risen sharply since the summer',
  'investors were waiting for clarity on taxes', 'no final decision had yet been made',
];

export const SYMBOLS = ['BAFL', 'HBL', 'UBL', 'MCB', 'OGDC', 'PPL', 'LUCK', 'ENGRO', 'FFC', 'PSO', 'HUBC', 'SYS', 'TRG', 'MEBL', 'EFERT', 'SNGP', 'KEL', 'AIRLINK', 'CNERGY', 'BOP', 'PIAA', 'FCCL'];

export const DESKS = ['Recorder Report', 'BR Web Desk', 'Our Correspondent', 'The Newspaper’s Staff Reporter'];

// Urdu, written for this benchmark. Nouns for headlines; phrases with a romanisation for bodies.
export const URDU_CITIES = ['کراچی', 'لاہور', 'اسلام آباد', 'پشاور', 'کوئٹہ', 'ملتان', 'فیصل آباد', 'حیدرآباد', 'سیالکوٹ', 'گوادر', 'راولپنڈی', 'سکھر'];
export const URDU_NOUNS = [
  'حکومت', 'معیشت', 'بجٹ', 'تجارت', 'کرکٹ', 'تعلیم', 'صحت', 'بجلی', 'پانی', 'مہنگائی',
  'ترقی', 'عوام', 'کسان', 'بازار', 'روپیہ', 'سونا', 'گندم', 'سڑکیں', 'ہسپتال', 'اسکول',
];
export const URDU_TEMPLATES = [
  (city: string, a: string, b: string) => `${city} میں ${a} اور ${b} پر اجلاس`,
  (city: string, a: string, b: string) => `${city}: ${a} کے لیے ${b} کا اعلان`,
  (city: string, a: string, b: string) => `${a} اور ${b}، ${city} کے شہری پریشان`,
  (city: string, a: string, b: string) => `${a} کی صورتحال پر ${city} میں ${b} کا جائزہ`,
  (city: string, a: string, b: string) => `${city} میں ${a} کے بعد ${b} کا مسئلہ`,
];
export const URDU_PHRASES: [string, string][] = [
  ['naya mansooba', 'نیا منصوبہ'],
  ['awami rabita', 'عوامی رابطہ'],
  ['sasta bazaar', 'سستا بازار'],
  ['kisan package', 'کسان پیکج'],
  ['sehat card', 'صحت کارڈ'],
  ['roshan gharana', 'روشن گھرانہ'],
  ['taleem sab ke liye', 'تعلیم سب کے لیے'],
  ['saaf pani', 'صاف پانی'],
  ['hara bhara Pakistan', 'ہرا بھرا پاکستان'],
  ['mehngai ka bojh', 'مہنگائی کا بوجھ'],
  ['kul akhrajat ka andaza', 'کل اخراجات کا اندازہ'],
];
