/**
 * The team's documents the search box finds, and synthetic search histories for the simulated
 * colleagues' devices. The page searches on the device: it downloads this list once and matches
 * queries locally, so a query never travels to any server.
 */
export interface TeamDocument {
  id: string;
  title: string;
  snippet: string;
  /** Where the document lives, as the intranet would link it. */
  path: string;
  keywords: string[];
}

export const DOCUMENTS: readonly TeamDocument[] = [
  { id: 'vpn', title: 'Setting up the VPN on a new laptop', snippet: 'Install the client, sign in with your badge, and pick the nearest gateway.', path: '/it/vpn', keywords: ['vpn', 'remote', 'gateway', 'laptop', 'network'] },
  { id: 'expenses', title: 'Expense policy and how to file a claim', snippet: 'Receipts within 30 days; travel, meals and equipment limits.', path: '/finance/expenses', keywords: ['expense', 'expenses', 'claim', 'receipt', 'reimbursement', 'travel', 'meals'] },
  { id: 'leave', title: 'Parental and family leave', snippet: 'Up to 20 weeks paid leave; how to tell your manager and HR.', path: '/people/leave', keywords: ['leave', 'parental', 'family', 'maternity', 'paternity', 'holiday'] },
  { id: 'oncall', title: 'On-call rotation and escalation', snippet: 'Who is on call this week, handover checklist, paging rules.', path: '/eng/on-call', keywords: ['oncall', 'on-call', 'pager', 'escalation', 'rotation', 'incident'] },
  { id: 'laptop', title: 'Laptop refresh programme', snippet: 'Eligible every three years; order through the IT portal.', path: '/it/laptop-refresh', keywords: ['laptop', 'refresh', 'hardware', 'computer', 'order'] },
  { id: 'wifi', title: 'Office Wi-Fi and guest access', snippet: 'Staff network, guest vouchers, printing from the guest network.', path: '/it/wifi', keywords: ['wifi', 'wi-fi', 'guest', 'network', 'printer', 'printing'] },
  { id: 'payroll', title: 'Payroll calendar 2026', snippet: 'Pay dates, cut-off for overtime and bonus submissions.', path: '/finance/payroll', keywords: ['payroll', 'pay', 'salary', 'bonus', 'overtime', 'payslip'] },
  { id: 'security', title: 'Annual security training', snippet: 'Phishing, passwords, reporting an incident. Due by 31 March.', path: '/security/training', keywords: ['security', 'training', 'phishing', 'password', 'passwords'] },
  { id: 'travel', title: 'Booking conference travel', snippet: 'Book through the travel desk; approval over 1,500 needs a director.', path: '/people/travel', keywords: ['travel', 'conference', 'flight', 'hotel', 'booking'] },
  { id: 'offsite', title: 'Team offsite planning guide', snippet: 'Budgets per head, venues we have used, agenda template.', path: '/people/offsite', keywords: ['offsite', 'team', 'venue', 'agenda', 'budget'] },
  { id: 'deploy', title: 'Deploying to production', snippet: 'Release train, feature flags, rollback in one command.', path: '/eng/deploy', keywords: ['deploy', 'deployment', 'release', 'production', 'rollback', 'flags'] },
  { id: 'benefits', title: 'Health and pension benefits', snippet: 'Enrolment windows, dental, eye care, pension matching.', path: '/people/benefits', keywords: ['benefits', 'health', 'pension', 'dental', 'insurance'] },
];

/** The words of a query, lowercased, for matching (the same rule the page uses). */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/[^a-z0-9-]+/).filter((w) => w.length > 1);
}

/** Documents whose title or keywords share a word with the query, best first. */
export function search(query: string, docs: readonly TeamDocument[] = DOCUMENTS): TeamDocument[] {
  const words = queryWords(query);
  const scored = docs
    .map((d) => {
      const hay = new Set([...d.keywords, ...queryWords(d.title)]);
      return { d, score: words.filter((w) => hay.has(w)).length };
    })
    .filter((x) => x.score > 0);
  return scored.sort((a, b) => b.score - a.score).map((x) => x.d);
}

const VAGUE = ['help', 'that thing from the meeting', 'where is it', 'form', 'link', 'new process', 'question', 'who do i ask', 'the doc', 'update'];

/** A colleague's search history: `n` queries, labelled 1 when a result was opened, from a seeded generator. */
export function colleagueQueries(n: number, seed: number): { text: string; label: number }[] {
  let s = seed >>> 0 || 1;
  const rand = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: n }, () => {
    if (rand() < 0.35) return { text: pick(VAGUE), label: rand() < 0.15 ? 1 : 0 };
    const doc = pick(DOCUMENTS);
    const text = [pick(doc.keywords), rand() < 0.5 ? pick(doc.keywords) : pick(['how', 'policy', 'guide', '2026', 'where'])].join(' ');
    return { text, label: rand() < 0.85 ? 1 : 0 };
  });
}
