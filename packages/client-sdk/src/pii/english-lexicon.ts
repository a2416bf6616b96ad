import { lazyMap, lazySet } from './lexicon.ts';

function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w !== '');
}

/**
 * Everyday workplace words that SCOWL's size-35 list lacks (it predates most of them); tier 3.
 * Hand-written: words of tickets, chat and e-mail, none of them a given name or a surname.
 */
const WORKPLACE_WORDS = `
  deploy deploys deployed deploying redeploy deployment deployments rollout rollouts rollback rollbacks hotfix hotfixes
  backend frontend fullstack repo repos config configs dashboard dashboards laptop laptops email emails emailed login
  logins logout signup timesheet timesheets okr okrs kpi kpis roadmap roadmaps backlog backlogs changelog webhook webhooks
  workflow workflows teammate teammates onsite offsite async todo todos wiki wikis prod staging infra devops sprint sprints
  retro retros standup standups onboarding offboarding oncall uptime downtime runbook runbooks playbook playbooks
  postmortem postmortems screenshot screenshots signoff checkin checkins checkout username usernames password passwords
  inbox outbox calendar invite invites invitee invitees attendee attendees organizer organizers reviewer reviewers
  approver approvers assignee assignees stakeholder stakeholders timeline timelines deadline deadlines milestone
  milestones blocker blockers bugfix bugfixes refactor refactoring codebase monorepo linter pipeline pipelines latency
  nightly failover healthcheck healthchecks autoscaling kubernetes docker cron crontab admin admins analytics chatbot
  spreadsheet spreadsheets slideshow slides webinar webinars livestream podcast internet online offline website websites
  smartphone app apps ebook blog blogs vlog hashtag emoji emojis selfie wifi bluetooth
`;

/**
 * The abbreviations and spellings of chat, common words there though no dictionary (or not SCOWL's
 * size-35 list: "okay", "anymore") holds them:
 * "btw is it still …", "FYI does anyone know …", "its Cobalt5 lol", "dont share" are no
 * names. Not "ty" (a given name).
 */
const CHAT_WORD_LIST = `
  fyi btw lol lmao rofl imo imho tbh afaik iirc ttyl brb omg idk nvm fwiw lmk ngl smh asap eod eow ooo wfh tbd tbc pto
  ftw lgtm ptal wip afk bbl dm dms ikr tho cuz gonna wanna gotta kinda sorta dunno yeah yep yup nope nah hmm ugh oops
  thx tks pls plz gm gn np dont doesnt didnt isnt wasnt arent werent havent hasnt shouldnt couldnt wouldnt im ive
  youre theyre thats whats okay alright gotcha anymore`;

/** The words above as a set: a chat word also ends no street line ("Jyväskylä pls"). */
export const CHAT_WORDS: ReadonlySet<string> = new Set(words(CHAT_WORD_LIST));

/**
 * Lower-case English words and their SCOWL size tier: 1 for the ~4,000 commonest (size 10),
 * 2 for size 20, 3 for size 35 (~38,000 words in all). A word outside these is either rare,
 * jargon, a typo or a name: the name tagger weighs which.
 */
export const ENGLISH_TIER: ReadonlyMap<string, number> = lazyMap(
  (d) =>
    new Map([
      ...words(WORKPLACE_WORDS).map((w) => [w, 3] as const),
      ...words(CHAT_WORD_LIST).map((w) => [w, 2] as const),
      ...words(d.ENGLISH_WORDS_10).map((w) => [w, 1] as const),
      ...words(d.ENGLISH_WORDS_20).map((w) => [w, 2] as const),
      ...words(d.ENGLISH_WORDS_35).map((w) => [w, 3] as const),
    ]),
);

/** Software terms and tool names (cspell's software-terms dictionary), lower case. */
export const JARGON_WORDS: ReadonlySet<string> = lazySet((d) => new Set(words(d.JARGON_WORDS)));

/** Cities, countries and regions (compromise's lexicon), lower case, none of them a listed name. */
export const PLACE_WORDS: ReadonlySet<string> = lazySet((d) => new Set(words(d.PLACE_WORDS)));

/**
 * Products, tools and companies (simple-icons' brand titles, cspell's company names), lower case,
 * none of them a listed name or place; some are English words ("zoom", "notion").
 */
export const PRODUCT_WORDS: ReadonlySet<string> = lazySet((d) => new Set(words(d.PRODUCT_WORDS)));
