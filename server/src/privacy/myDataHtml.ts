/**
 * The readable page of "my data" (GET /api/me/data?format=html): the same content as the JSON,
 * in the person's language, with every value escaped. Self-contained (no script, inline style)
 * so it can be saved and opened offline.
 */
import type { Language, MyData } from '../../../shared/src/index';
import { roleLabel } from './pseudonym';

const WORDS = {
  en: {
    title: 'Everything Ensemble holds about you',
    intro: 'This page lists your profile, your workspaces, what you wrote and when you opened documents. It never includes other people’s private information.',
    generated: 'Generated on',
    profile: 'Your profile',
    name: 'Name',
    email: 'Email',
    language: 'Language',
    created: 'Account created',
    password: 'Password set',
    sessions: 'Signed-in devices',
    memberships: 'Your workspaces',
    contributions: 'What you wrote',
    noAccess: 'You can no longer open this document: only the figures are given.',
    decisions: 'Your entries in decision logs',
    comments: 'Your comments',
    audit: 'Events about you',
    opened: 'When you opened documents',
    careOpenings: 'Who opened the documents of your care',
    ideas: 'Your workshop ideas',
    votes: 'Your votes on workshop ideas',
    checkins: 'What you shared when arriving at and leaving workshops',
    visits: 'When you last looked at each document',
    dots: (n: number) => (n === 1 ? '1 vote' : `${n} votes`),
    none: 'Nothing.',
    yes: 'yes',
    no: 'no',
    chars: (current: number, inserted: number, deleted: number, updates: number) =>
      `${current} characters in the text now; ${inserted} written, ${deleted} deleted, in ${updates} changes.`,
  },
  fr: {
    title: 'Tout ce qu’Ensemble conserve à votre sujet',
    intro: 'Cette page présente votre profil, vos espaces de travail, ce que vous avez écrit et quand vous avez ouvert des documents. Elle ne contient jamais les renseignements personnels d’autres personnes.',
    generated: 'Produit le',
    profile: 'Votre profil',
    name: 'Nom',
    email: 'Courriel',
    language: 'Langue',
    created: 'Compte créé le',
    password: 'Mot de passe défini',
    sessions: 'Appareils connectés',
    memberships: 'Vos espaces de travail',
    contributions: 'Ce que vous avez écrit',
    noAccess: 'Vous ne pouvez plus ouvrir ce document\u00a0: seuls les chiffres sont donnés.',
    decisions: 'Vos entrées dans les journaux de décisions',
    comments: 'Vos commentaires',
    audit: 'Événements vous concernant',
    opened: 'Quand vous avez ouvert des documents',
    careOpenings: 'Qui a ouvert les documents de vos soins',
    ideas: 'Vos idées en atelier',
    votes: 'Vos votes sur les idées en atelier',
    checkins: 'Ce que vous avez partagé en arrivant et en repartant des ateliers',
    visits: 'Votre dernière consultation de chaque document',
    dots: (n: number) => (n <= 1 ? `${n} vote` : `${n} votes`),
    none: 'Rien.',
    yes: 'oui',
    no: 'non',
    chars: (current: number, inserted: number, deleted: number, updates: number) =>
      `${current} caractères dans le texte actuel\u00a0; ${inserted} écrits, ${deleted} supprimés, en ${updates} modifications.`,
  },
} as const;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const e = escapeHtml;

function list(items: string[], none: string): string {
  return items.length === 0 ? `<p>${e(none)}</p>` : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

export function renderMyDataHtml(data: MyData, language: Language): string {
  const w = WORDS[language];
  const date = (value: string) => e(new Date(value).toLocaleString(language === 'fr' ? 'fr-CA' : 'en-GB', { timeZone: 'UTC' }) + ' UTC');
  const p = data.profile;
  const sections = [
    `<h2>${e(w.profile)}</h2><dl>` +
      [
        [w.name, e(p.displayName)],
        [w.email, e(p.email ?? '—')],
        [w.language, e(p.language ?? '—')],
        [w.created, date(p.createdAt)],
        [w.password, p.hasPassword ? w.yes : w.no],
      ]
        .map(([k, v]) => `<dt>${e(k as string)}</dt><dd>${v}</dd>`)
        .join('') +
      '</dl>',
    `<h2>${e(w.sessions)}</h2>` + list(data.sessions.map((s) => `${date(s.createdAt)} → ${date(s.expiresAt)}`), w.none),
    `<h2>${e(w.memberships)}</h2>` +
      list(data.memberships.map((m) => `<strong>${e(m.workspaceName)}</strong> — ${e(roleLabel(m.role, language))}, ${e(m.permission)} (${date(m.joinedAt)})`), w.none),
    `<h2>${e(w.contributions)}</h2>` +
      list(
        data.contributions.map(
          (c) =>
            `<strong>${e(c.title ?? c.documentId)}</strong><p>${e(w.chars(c.currentChars, c.insertedChars, c.deletedChars, c.updates))}</p>` +
            (c.textYouWrote ? c.textYouWrote.map((t) => `<blockquote>${e(t)}</blockquote>`).join('') : `<p><em>${e(w.noAccess)}</em></p>`),
        ),
        w.none,
      ),
    `<h2>${e(w.decisions)}</h2>` +
      list(data.decisionEntries.map((d) => `${date(d.at)} — ${e(d.kind)}${d.payload === null ? '' : `<pre>${e(JSON.stringify(d.payload, null, 2))}</pre>`}`), w.none),
    `<h2>${e(w.comments)}</h2>` + list(data.comments.map((c) => `${date(c.at)}${c.body === null ? '' : `<blockquote>${e(c.body)}</blockquote>`}`), w.none),
    `<h2>${e(w.audit)}</h2>` + list(data.auditEvents.map((a) => `${date(a.at)} — ${e(a.kind)}`), w.none),
    `<h2>${e(w.opened)}</h2>` + list(data.documentsYouOpened.map((o) => `${date(o.at)} — ${e(o.documentId)} (${e(roleLabel(o.role, language))}, ${e(o.via)})`), w.none),
    `<h2>${e(w.careOpenings)}</h2>` +
      list(data.openingsOfYourCareDocuments.map((o) => `${date(o.at)} — ${e(o.displayName)} (${e(roleLabel(o.role, language))}, ${e(o.via)})`), w.none),
    `<h2>${e(w.ideas)}</h2>` + list(data.workshopIdeas.map((i) => `${date(i.at)}${i.text === null ? '' : `<blockquote>${e(i.text)}</blockquote>`}`), w.none),
    `<h2>${e(w.votes)}</h2>` + list(data.workshopVotes.map((v) => `${e(v.cardId)} — ${e(w.dots(v.dots))}`), w.none),
    `<h2>${e(w.checkins)}</h2>` + list(data.workshopCheckins.map((c) => `${date(c.at)} — ${e([c.mood, c.word].filter(Boolean).join(', ') || '—')}`), w.none),
    `<h2>${e(w.visits)}</h2>` + list(data.documentVisits.map((v) => `${date(v.lastSeenAt)} — ${e(v.documentId)}`), w.none),
  ];
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(w.title)}</title>
<style>body{font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}blockquote{border-left:4px solid #1a6e8e;margin:0.5rem 0;padding-left:1rem}pre{white-space:pre-wrap;background:#f4f4f4;padding:0.5rem}dt{font-weight:600}</style>
</head><body><h1>${e(w.title)}</h1><p>${e(w.intro)}</p><p>${e(w.generated)} ${date(data.generatedAt)}</p>
${sections.join('\n')}
</body></html>`;
}
