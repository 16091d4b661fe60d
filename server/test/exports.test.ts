import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleSchema, unresolvedReferences, type FhirBundle, type FhirCarePlan, type FhirProvenance } from '../src/exports/fhir/schema';
import { download, findElement, seesElement, storedUpTo, typeInto } from './exportHelpers';
import { api, connectClient, createOutsider, invite, setupFixture, startTestServer, synced, waitFor, type Fixture, type TestServer } from './testServer';
import { editorSchema } from './tiptapSchema';

let server: TestServer;
let fx: Fixture;
let bob: { token: string; userId: string };
beforeAll(async () => {
  server = await startTestServer();
  fx = await setupFixture(server);
  bob = await invite(server.url, fx.token, fx.workspaceId, 'clinician', 'editor', 'Dr Bob Gagnon');
});
afterAll(async () => {
  await server.cleanup();
});

const createDocument = async (title: string, template?: string) =>
  (await api(server.url, 'POST', `/api/workspaces/${fx.workspaceId}/documents`, { token: fx.token, body: { title, template, language: 'en' } })).body
    .id as string;

const t = (text: string, ...marks: Array<string | { type: string; attrs: Record<string, unknown> }>) => ({
  type: 'text',
  text,
  ...(marks.length ? { marks: marks.map((m) => (typeof m === 'string' ? { type: m } : m)) } : {}),
});
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const item = (...content: unknown[]) => ({ type: 'listItem', content });

describe('Markdown export', () => {
  it('round-trips a document written through the editor binding', async () => {
    const id = await createDocument('Mon projet de vie');
    const alice = connectClient(server.wsUrl, id, fx.token);
    await synced(alice);
    // Written by @tiptap/y-tiptap's own encoder, exactly as the browser editor writes.
    const json = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [t('Mon projet')] },
        para(t('Je veux '), t('marcher', 'bold'), t(' et '), t('lire', 'italic'), t(', '), t('fumer', 'strike'), t(' avec '), t('a`b', 'code'), t(' : voir '), t('le site', { type: 'link', attrs: { href: 'https://example.org/a b' } }), t('.')),
        para(t('ligne 1'), { type: 'hardBreak' }, t('ligne 2')),
        { type: 'bulletList', content: [item(para(t('un')), { type: 'bulletList', content: [item(para(t('un-a')))] }), item(para(t('deux')))] },
        { type: 'orderedList', attrs: { start: 3 }, content: [item(para(t('trois'))), item(para(t('quatre')))] },
        { type: 'blockquote', content: [para(t('Citation'))] },
        { type: 'horizontalRule' },
        para(t('1. pas une liste * ni _ ça <b>')),
        para(t('gras ', 'bold'), t('et italique', 'bold', 'italic')),
        { type: 'heading', attrs: { level: 3 }, content: [t('Fin')] },
      ],
    };
    prosemirrorJSONToYXmlFragment(editorSchema(), json, alice.doc.getXmlFragment('default'));
    await storedUpTo(server, id, 1);
    alice.destroy();

    const md = await download(server, id, '?format=markdown', fx.token);
    expect(md.status).toBe(200);
    expect(md.contentType).toBe('text/markdown; charset=utf-8');
    expect(md.disposition).toMatch(/^attachment; filename="mon-projet-de-vie-\d{4}-\d{2}-\d{2}\.md"$/);
    const [title, exported, ...rest] = md.text.split('\n\n');
    expect(title).toBe('# Mon projet de vie');
    expect(exported).toMatch(/^\*Plan de Marie · exported from Ensemble on \d{1,2} \w+ \d{4}\*$/);
    expect(rest.join('\n\n')).toBe(
      [
        '## Mon projet',
        'Je veux **marcher** et *lire*, ~~fumer~~ avec ``a`b`` : voir [le site](https://example.org/a%20b).',
        'ligne 1\\\nligne 2',
        '- un\n  - un-a\n- deux',
        '3. trois\n4. quatre',
        '> Citation',
        '---',
        '1\\. pas une liste \\* ni \\_ ça \\<b\\>',
        '**gras *et italique***',
        '### Fin\n',
      ].join('\n\n'),
    );
  });
});

describe('HTML export', () => {
  it('escapes hostile text and titles, drops unsafe links, and needs nothing from outside', async () => {
    const hostileTitle = '<img src=x onerror=alert(1)></style><script>alert(2)</script>';
    const id = await createDocument(hostileTitle);
    const alice = connectClient(server.wsUrl, id, fx.token);
    await synced(alice);
    alice.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      alice.doc.getXmlFragment('default').insert(0, [paragraph]);
      typeInto(paragraph, '<script>alert("x")</script> & \'quotes\'');
      const link = new Y.XmlElement('paragraph');
      alice.doc.getXmlFragment('default').insert(1, [link]);
      typeInto(link, 'click me', { link: { href: 'javascript:alert(3)', target: '_blank' } });
    });
    await storedUpTo(server, id, 1);
    alice.destroy();

    const page = await download(server, id, '?format=html&lang=fr', fx.token);
    expect(page.status).toBe(200);
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.disposition).toMatch(/^inline; filename="img-src-x-onerror-alert-1-style-script-alert-2-script-\d{4}-\d{2}-\d{2}\.html"$/);
    expect(page.text).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(page.text).toContain('<p>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;quotes&#39;</p>');
    expect(page.text).toContain('<h1>&#60;img src=x onerror=alert(1)&#62;&#60;/style&#62;&#60;script&#62;alert(2)&#60;/script&#62;</h1>');
    expect(page.text).toContain('<p>click me</p>');
    expect(page.text).not.toMatch(/<script|<img|javascript:/i);
    expect(page.text.match(/<\/style>/g)).toHaveLength(1);
    expect(page.text).not.toMatch(/<link|<[a-z][^>]*\ssrc=|@import|url\(/i);
    expect(page.text).toContain('@media print');
  });
});

describe('FHIR export', () => {
  it('exports a care trajectory with a negotiated goal as a valid R4 Bundle whose references resolve', async () => {
    const id = await createDocument('Marie’s care trajectory', 'care-trajectory');
    const alice = connectClient(server.wsUrl, id, fx.token);
    const doctor = connectClient(server.wsUrl, id, bob.token);
    await Promise.all([synced(alice), synced(doctor)]);
    await seesElement(alice.doc, 'negotiatedGoal');
    alice.doc.transact(() => {
      // The life project: the empty paragraph after the first heading's prompt.
      typeInto(alice.doc.getXmlFragment('default').get(2) as Y.XmlElement, 'Live in my own flat, near my sister.');
      const goal = findElement(alice.doc, 'negotiatedGoal');
      goal.setAttribute('status', 'active');
      goal.setAttribute('targetDate', '2026-06-30');
      goal.setAttribute('expressedBy', fx.userId);
      goal.setAttribute('expressedByName', 'Alice (old name)');
      typeInto(findElement(alice.doc, 'goalOwnWords').get(0) as Y.XmlElement, 'Walk to the market on my own.');
    });
    await storedUpTo(server, id, 2);
    await seesElement(doctor.doc, 'goalReformulation');
    typeInto(findElement(doctor.doc, 'goalReformulation').get(0) as Y.XmlElement, 'Regain autonomy for outings of 500 m by June.');
    await storedUpTo(server, id, 3);
    alice.destroy();
    doctor.destroy();

    const res = await download(server, id, '?format=fhir', fx.token);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/fhir+json; charset=utf-8');
    expect(res.disposition).toMatch(/^attachment; filename="marie-s-care-trajectory-\d{4}-\d{2}-\d{2}\.fhir\.json"$/);
    const bundle: FhirBundle = BundleSchema.parse(JSON.parse(res.text));
    expect(unresolvedReferences(bundle)).toEqual([]);
    const byType = (type: string) => bundle.entry.filter((e) => e.resource.resourceType === type);
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['CarePlan', 'CareTeam', 'Goal', 'Provenance']);
    const [plan] = byType('CarePlan');
    const [goal] = byType('Goal');
    const [team] = byType('CareTeam');
    const [provenance] = byType('Provenance');
    expect(plan!.resource).toMatchObject({
      status: 'active',
      intent: 'plan',
      title: 'Marie’s care trajectory',
      description: 'Live in my own flat, near my sister.',
      subject: { display: 'Alice Tremblay' },
      goal: [{ reference: goal!.fullUrl }],
      careTeam: [{ reference: team!.fullUrl }],
      contributor: [{ display: 'Alice Tremblay (Person receiving care)' }, { display: 'Dr Bob Gagnon (Clinician)' }],
    });
    expect(goal!.resource).toEqual({
      resourceType: 'Goal',
      lifecycleStatus: 'active',
      description: { text: 'Walk to the market on my own.' },
      subject: { display: 'Alice Tremblay' },
      target: [{ dueDate: '2026-06-30' }],
      expressedBy: { display: 'Alice Tremblay' },
      note: [{ text: 'Shared reformulation: Regain autonomy for outings of 500 m by June.' }],
    });
    expect(team!.resource).toMatchObject({
      participant: [
        { role: [{ text: 'Person receiving care' }], member: { display: 'Alice Tremblay' } },
        { role: [{ text: 'Clinician' }], member: { display: 'Dr Bob Gagnon' } },
      ],
    });
    expect(provenance!.resource).toMatchObject({ target: [{ reference: goal!.fullUrl }] });
    const agents = (provenance!.resource as { agent: Array<{ who: { display: string } }> }).agent.map((a) => a.who.display);
    expect(agents.sort()).toEqual(['Alice Tremblay', 'Dr Bob Gagnon']);

    // The same goal in Markdown: both voices, status, date and who expressed it.
    const md = await download(server, id, '?format=markdown', fx.token);
    expect(md.text).toContain(
      [
        '> **Goal** · Status: active · Target date: 30 June 2026 · Expressed by: Alice Tremblay',
        '>',
        '> **In my own words**',
        '>',
        '> Walk to the market on my own.',
        '>',
        '> **Shared reformulation**',
        '>',
        '> Regain autonomy for outings of 500 m by June.',
      ].join('\n'),
    );
  });

  it('exports linked actions: CarePlan activities that reference their goal, with Provenance per activity, and in Markdown', async () => {
    const id = await createDocument('Plan with actions', 'care-trajectory');
    const alice = connectClient(server.wsUrl, id, fx.token);
    const doctor = connectClient(server.wsUrl, id, bob.token);
    await Promise.all([synced(alice), synced(doctor)]);
    await seesElement(alice.doc, 'goalAction');
    alice.doc.transact(() => {
      findElement(alice.doc, 'negotiatedGoal').setAttribute('status', 'active');
      typeInto(findElement(alice.doc, 'goalOwnWords').get(0) as Y.XmlElement, 'Walk to the market on my own.');
      // A second action, written by Alice as the editor writes a new one.
      const second = new Y.XmlElement('goalAction');
      second.setAttribute('actionId', 'action-two');
      second.setAttribute('when', 'Every Saturday');
      const paragraph = new Y.XmlElement('paragraph');
      second.insert(0, [paragraph]);
      findElement(alice.doc, 'goalActions').insert(1, [second]);
      typeInto(paragraph, 'Go to the market with my sister.');
    });
    await storedUpTo(server, id, 2);
    await waitFor(() => findElement(doctor.doc, 'goalActions').length === 2, 'second action');
    doctor.doc.transact(() => {
      const first = findElement(doctor.doc, 'goalAction');
      first.setAttribute('who', 'Dr Bob Gagnon, physiotherapist');
      first.setAttribute('when', '2026-05-15');
      first.setAttribute('support', 'Walking frame');
      typeInto(first.get(0) as Y.XmlElement, 'Walk 200 m twice a week.');
    });
    await storedUpTo(server, id, 3);
    alice.destroy();
    doctor.destroy();

    const res = await download(server, id, '?format=fhir', fx.token);
    expect(res.status).toBe(200);
    const bundle: FhirBundle = BundleSchema.parse(JSON.parse(res.text));
    expect(unresolvedReferences(bundle)).toEqual([]);
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['CarePlan', 'CareTeam', 'Goal', 'Provenance', 'Provenance', 'Provenance']);
    const [planEntry, , goalEntry, goalProvenance, ...activityProvenances] = bundle.entry;
    const plan = planEntry!.resource as FhirCarePlan;
    const firstId = plan.activity?.[0]?.id;
    expect(plan.activity).toEqual([
      {
        id: firstId,
        detail: {
          goal: [{ reference: goalEntry!.fullUrl }],
          status: 'in-progress',
          scheduledString: '2026-05-15',
          performer: [{ display: 'Dr Bob Gagnon, physiotherapist' }],
          description: 'Walk 200 m twice a week.\nSupport: Walking frame',
        },
      },
      {
        id: 'action-two',
        detail: { goal: [{ reference: goalEntry!.fullUrl }], status: 'in-progress', scheduledString: 'Every Saturday', description: 'Go to the market with my sister.' },
      },
    ]);
    // Every activity's goal reference resolves to a Goal of the bundle.
    const goalUrls = new Set(bundle.entry.filter((e) => e.resource.resourceType === 'Goal').map((e) => e.fullUrl));
    expect(plan.activity!.flatMap((a) => a.detail.goal ?? []).every((ref) => ref.reference !== undefined && goalUrls.has(ref.reference))).toBe(true);
    const who = (entry: (typeof bundle.entry)[number] | undefined) =>
      (entry!.resource as FhirProvenance).agent.map((a) => a.who.display).sort();
    // The goal's authors are those of the goal itself; each activity has its own.
    expect((goalProvenance!.resource as FhirProvenance).target).toEqual([{ reference: goalEntry!.fullUrl }]);
    expect(who(goalProvenance)).toEqual(['Alice Tremblay']);
    expect(activityProvenances.map((e) => (e.resource as FhirProvenance).target)).toEqual([
      [{ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/targetElement', valueUri: firstId }], reference: planEntry!.fullUrl }],
      [{ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/targetElement', valueUri: 'action-two' }], reference: planEntry!.fullUrl }],
    ]);
    // The first action came from the template (Alice) and was filled in by the doctor.
    expect(who(activityProvenances[0])).toEqual(['Alice Tremblay', 'Dr Bob Gagnon']);
    expect(who(activityProvenances[1])).toEqual(['Alice Tremblay']);

    const md = await download(server, id, '?format=markdown', fx.token);
    expect(md.text).toContain(
      [
        '> **Linked actions**',
        '>',
        '> - Walk 200 m twice a week.',
        '>   - Who: Dr Bob Gagnon, physiotherapist',
        '>   - By when: 15 May 2026',
        '>   - Support: Walking frame',
        '> - Go to the market with my sister.',
        '>   - By when: Every Saturday',
      ].join('\n'),
    );
    const fr = await download(server, id, '?format=markdown&lang=fr', fx.token);
    expect(fr.text).toContain('> **Actions liées**');
    expect(fr.text).toContain('>   - Qui\u00a0: Dr Bob Gagnon, physiotherapist');
    const page = await download(server, id, '?format=html', fx.token);
    expect(page.text).toContain('<p class="goal__label">Linked actions</p>');
    expect(page.text).toContain('<li>Support: Walking frame</li>');
  });

  it('leaves the template’s empty action out of every export', async () => {
    const id = await createDocument('Untouched plan', 'care-trajectory');
    const bundle = BundleSchema.parse(JSON.parse((await download(server, id, '?format=fhir', fx.token)).text));
    expect((bundle.entry[0]!.resource as FhirCarePlan).activity).toBeUndefined();
    expect((await download(server, id, '?format=markdown', fx.token)).text).not.toContain('Linked actions');
  });

  it('refuses FHIR for documents that are not care trajectories, with a readable 400', async () => {
    for (const template of ['life-project', undefined]) {
      const id = await createDocument('Not a care plan', template);
      const res = await download(server, id, '?format=fhir', fx.token);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text).error).toEqual({ code: 'bad_request', message: expect.stringContaining('only for care trajectories') });
      expect((await download(server, id, '?format=markdown', fx.token)).status).toBe(200);
    }
  });
});

describe('export access and validation', () => {
  it('answers 404 to non-members and unknown documents, 401 without a session, 400 for an unknown format', async () => {
    const id = await createDocument('Private', 'care-trajectory');
    const outsider = await createOutsider(server);
    for (const format of ['markdown', 'html', 'fhir']) {
      const res = await download(server, id, `?format=${format}`, outsider);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.text).error.code).toBe('not_found');
    }
    expect((await download(server, 'no-such-document', '?format=markdown', fx.token)).status).toBe(404);
    expect((await download(server, id, '?format=markdown')).status).toBe(401);
    const bad = await download(server, id, '?format=docx', fx.token);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.message).toBe('format must be one of: markdown, html, fhir.');
    const viewer = await invite(server.url, fx.token, fx.workspaceId, 'caregiver', 'viewer', 'Paul');
    expect((await download(server, id, '', viewer.token)).status).toBe(200);
  });
});
