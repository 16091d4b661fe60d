import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoalActionAttributesSchema, NegotiatedGoalAttributesSchema, TEMPLATE_IDS, TemplateListSchema } from '../../shared/src/index';
import { findElement, typeInto } from './exportHelpers';
import { api, connectClient, invite, setupFixture, startTestServer, synced, waitFor, type Fixture, type TestServer } from './testServer';
import { editorSchema, readAsEditor } from './tiptapSchema';

/** The headings (levels 2 and 3, in order) each template must give, in both languages. */
const EXPECTED_HEADINGS: Record<string, { en: string[]; fr: string[] }> = {
  'care-trajectory': {
    en: ['My life project, in my own words', 'What matters to me', 'Strengths and resources', 'Goals', 'Actions', 'People involved and their roles', 'Crisis and relapse-prevention plan', 'Early warning signs', 'What helps me', 'Who to contact', 'Review dates'],
    fr: ['Mon projet de vie, dans mes mots', 'Ce qui compte pour moi', 'Forces et ressources', 'Objectifs', 'Actions', 'Personnes impliquées et leurs rôles', 'Plan de crise et de prévention de la rechute', 'Signes avant-coureurs', 'Ce qui m’aide', 'Qui contacter', 'Dates de révision'],
  },
  'life-project': {
    en: ['About me', 'What matters to me', 'My dreams and wishes', 'My strengths and resources', 'My circle', 'My first steps', 'Next time we meet'],
    fr: ['Qui je suis', 'Ce qui compte pour moi', 'Mes rêves et mes souhaits', 'Mes forces et mes ressources', 'Mon entourage', 'Mes premiers pas', 'Notre prochaine rencontre'],
  },
  'service-redesign': {
    en: ['Plan', 'The problem as lived by the people who use the service', 'The problem as seen by staff', 'Ideas', 'Chosen change', 'Measures', 'Do', 'What we did', 'Study', 'Results', 'Act', 'Next cycle'],
    fr: ['Planifier', 'Le problème tel que le vivent les personnes qui utilisent le service', 'Le problème tel que le voit le personnel', 'Idées', 'Changement retenu', 'Mesures', 'Faire', 'Ce que nous avons fait', 'Étudier', 'Résultats', 'Agir', 'Prochain cycle'],
  },
  'structuring-document': {
    en: ['Purpose', 'Scope', 'Principles', 'Content', 'Section 1', 'Glossary', 'Revision history'],
    fr: ['Raison d’être', 'Portée', 'Principes', 'Contenu', 'Section 1', 'Glossaire', 'Historique des révisions'],
  },
  'workshop-record': {
    en: ['Agenda', 'Participants', 'What came out of it', 'Decisions', 'Next steps'],
    fr: ['Ordre du jour', 'Personnes présentes', 'Ce qui en ressort', 'Décisions', 'Prochaines étapes'],
  },
};

const textOf = (el: Y.XmlElement) =>
  el
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? (child.toDelta() as Array<{ insert: string }>).map((op) => op.insert).join('') : ''))
    .join('');

function headings(doc: Y.Doc): Array<{ level: unknown; text: string }> {
  return doc
    .getXmlFragment('default')
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'heading')
    .map((h) => ({ level: h.getAttribute('level'), text: textOf(h) }));
}

/** Opens the document with a fresh stock y-websocket client and waits for its content. */
async function readBack(server: TestServer, documentId: string, token: string) {
  const client = connectClient(server.wsUrl, documentId, token);
  await synced(client);
  await waitFor(() => client.doc.getXmlFragment('default').length > 0, 'template content');
  return client;
}

let server: TestServer;
let fx: Fixture;
beforeAll(async () => {
  server = await startTestServer();
  fx = await setupFixture(server);
});
afterAll(async () => {
  await server.cleanup();
});

const create = (body: Record<string, unknown>, token = fx.token) =>
  api(server.url, 'POST', `/api/workspaces/${fx.workspaceId}/documents`, { token, body });

describe('templates', () => {
  for (const [template, languages] of Object.entries(EXPECTED_HEADINGS)) {
    for (const language of ['en', 'fr'] as const) {
      it(`creates a ${template} document in ${language} with its headings, attributed to the creator`, async () => {
        const created = await create({ title: `${template} ${language}`, template, language });
        expect(created.status).toBe(201);
        const client = await readBack(server, created.body.id, fx.token);
        try {
          const found = headings(client.doc);
          expect(found.map((h) => h.text)).toEqual(languages[language]);
          expect(found.every((h) => h.level === 2 || h.level === 3)).toBe(true);

          // The content is the log's first entry, under the creator's name and client id binding.
          const log = await server.store.readUpdates(created.body.id, 1);
          expect(log).toHaveLength(1);
          expect(log[0]!.memberId).toBe(fx.userId);
          const clients = new Set(Y.decodeUpdate(log[0]!.update).structs.map((s) => s.id.client));
          const bindings = await server.store.listClientBindings(created.body.id);
          expect(bindings).toEqual([...clients].map((clientId) => ({ clientId, memberId: fx.userId })));

          // The editor (StarterKit + the goal nodes) reads every block without dropping any.
          const { node, dropped } = readAsEditor(client.doc, editorSchema());
          expect(dropped).toBe(false);
          expect(node.childCount).toBe(client.doc.getXmlFragment('default').length);
        } finally {
          client.destroy();
        }
      });
    }
  }

  it('puts one empty negotiated goal block, with one empty linked action, in the care trajectory', async () => {
    const created = await create({ title: 'Goals', template: 'care-trajectory', language: 'en' });
    const client = await readBack(server, created.body.id, fx.token);
    try {
      const goals = client.doc
        .getXmlFragment('default')
        .createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === 'negotiatedGoal');
      const [goal, ...others] = [...goals] as Y.XmlElement[];
      expect(others).toHaveLength(0);
      const attributes = NegotiatedGoalAttributesSchema.strict().parse(goal!.getAttributes());
      expect(attributes).toEqual({ goalId: expect.any(String), status: 'proposed' });
      const [ownWords, reformulation, actions, ...more] = goal!.toArray() as Y.XmlElement[];
      expect(more).toHaveLength(0);
      expect([ownWords, reformulation, actions].map((v) => v!.nodeName)).toEqual(['goalOwnWords', 'goalReformulation', 'goalActions']);
      const [action, ...otherActions] = actions!.toArray() as Y.XmlElement[];
      expect(otherActions).toHaveLength(0);
      expect(action!.nodeName).toBe('goalAction');
      const actionAttributes = GoalActionAttributesSchema.strict().parse(action!.getAttributes());
      expect(actionAttributes).toEqual({ actionId: expect.any(String) });
      expect(actionAttributes.actionId).not.toBe(attributes.goalId);
      for (const part of [ownWords!, reformulation!, action!]) {
        const paragraphs = part.toArray() as Y.XmlElement[];
        expect(paragraphs.map((p) => [p.nodeName, p.length])).toEqual([['paragraph', 0]]);
      }
    } finally {
      client.destroy();
    }
  });

  it('merges concurrent edits of the goal block from two people', async () => {
    const created = await create({ title: 'Concurrent', template: 'care-trajectory', language: 'en' });
    const bob = await invite(server.url, fx.token, fx.workspaceId, 'clinician', 'editor', 'Dr Bob');
    const alice = await readBack(server, created.body.id, fx.token);
    const doctor = await readBack(server, created.body.id, bob.token);
    try {
      // Both write in the same turn, before either sees the other's change: Alice in her own
      // words, the doctor in the reformulation and in the linked action.
      typeInto(findElement(alice.doc, 'goalOwnWords').get(0) as Y.XmlElement, 'Walk to the market.');
      findElement(alice.doc, 'negotiatedGoal').setAttribute('targetDate', '2026-06-30');
      typeInto(findElement(doctor.doc, 'goalReformulation').get(0) as Y.XmlElement, 'Outings of 500 m.');
      findElement(doctor.doc, 'negotiatedGoal').setAttribute('status', 'active');
      doctor.doc.transact(() => {
        const action = findElement(doctor.doc, 'goalAction');
        typeInto(action.get(0) as Y.XmlElement, 'Walk 200 m twice a week.');
        action.setAttribute('who', 'Dr Roy, physiotherapist');
        action.setAttribute('when', '2026-05-15');
        action.setAttribute('support', 'Walking frame');
      });
      const goalText = (doc: Y.Doc) => findElement(doc, 'negotiatedGoal').toString();
      await waitFor(
        () => goalText(alice.doc) === goalText(doctor.doc) && ['500 m', 'market', 'twice a week', 'Dr Roy'].every((part) => goalText(alice.doc).includes(part)),
        'convergence',
      );
      expect(findElement(alice.doc, 'negotiatedGoal').getAttributes()).toMatchObject({ status: 'active', targetDate: '2026-06-30' });
      expect(textOf(findElement(alice.doc, 'goalOwnWords').get(0) as Y.XmlElement)).toBe('Walk to the market.');
      expect(textOf(findElement(alice.doc, 'goalReformulation').get(0) as Y.XmlElement)).toBe('Outings of 500 m.');
      const action = findElement(alice.doc, 'goalAction');
      expect(textOf(action.get(0) as Y.XmlElement)).toBe('Walk 200 m twice a week.');
      expect(action.getAttributes()).toMatchObject({ who: 'Dr Roy, physiotherapist', when: '2026-05-15', support: 'Walking frame' });
      // Still a block the editor can read, with nothing dropped.
      expect(readAsEditor(alice.doc, editorSchema()).dropped).toBe(false);
      // The server's stored copy converged too.
      await waitFor(async () => {
        const latest = new Y.Doc();
        for (const entry of await server.store.readUpdates(created.body.id, 1)) Y.applyUpdate(latest, entry.update);
        const same = goalText(latest) === goalText(alice.doc);
        latest.destroy();
        return same;
      }, 'stored convergence');
    } finally {
      alice.destroy();
      doctor.destroy();
    }
  });

  it('writes the template in the creator’s language when none is given, English by default', async () => {
    const english = await create({ title: 'Default', template: 'workshop-record' });
    await api(server.url, 'PATCH', '/api/me', { token: fx.token, body: { language: 'fr' } });
    const french = await create({ title: 'Par défaut', template: 'workshop-record' });
    await api(server.url, 'PATCH', '/api/me', { token: fx.token, body: { language: 'en' } });
    for (const [id, first] of [[english.body.id, 'Agenda'], [french.body.id, 'Ordre du jour']] as const) {
      const client = await readBack(server, id, fx.token);
      expect(headings(client.doc)[0]?.text).toBe(first);
      client.destroy();
    }
  });

  it('adds no content for the blank template and refuses an unknown template with 400', async () => {
    const blank = await create({ title: 'Blank', template: 'blank' });
    expect(blank.status).toBe(201);
    expect(await server.store.readUpdates(blank.body.id, 1)).toEqual([]);
    const unknown = await create({ title: 'X', template: 'care-plan' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('validation_failed');
    expect(unknown.body.error.message).toContain('Known templates: blank, care-trajectory');
    const badLanguage = await create({ title: 'X', template: 'life-project', language: 'de' });
    expect(badLanguage.status).toBe(400);
  });

  it('lists the templates with titles and descriptions in the asked, the caller’s or the default language', async () => {
    const english = await api(server.url, 'GET', '/api/templates');
    expect(english.status).toBe(200);
    expect(TemplateListSchema.parse(english.body).map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    expect(english.body[1]).toEqual({ id: 'care-trajectory', title: 'Care trajectory around a life project', description: expect.stringContaining('own words') });
    const french = await api(server.url, 'GET', '/api/templates?lang=fr');
    expect(french.body[2]).toEqual({ id: 'life-project', title: 'Projet de vie', description: expect.stringContaining('entourage') });
    await api(server.url, 'PATCH', '/api/me', { token: fx.token, body: { language: 'fr' } });
    const mine = await api(server.url, 'GET', '/api/templates', { token: fx.token });
    expect(mine.body[5].title).toBe('Compte rendu d’atelier');
    expect((await api(server.url, 'GET', '/api/templates?lang=en', { token: fx.token })).body[5].title).toBe('Workshop record');
    await api(server.url, 'PATCH', '/api/me', { token: fx.token, body: { language: 'en' } });
    const bad = await api(server.url, 'GET', '/api/templates?lang=de');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('lang must be one of: fr, en.');
  });
});
