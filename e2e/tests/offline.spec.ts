import type { WebSocketRoute } from '@playwright/test';
import { createDocument, editorOf, expect, expectSaved, saveStatus, setUpAccount, signInByApi, test } from '../fixtures/test';

const OFFLINE = 'Offline — your changes are kept and will be sent';

test('bob keeps typing while his connection is down, his text survives a reload, and alice gets it once he is back', async ({
  alice,
  bob,
  baseURL,
}) => {
  await setUpAccount(alice, baseURL!);
  const documentId = await createDocument(alice, baseURL!, 'Crisis plan');
  await signInByApi(bob, baseURL!);

  // Every /collab socket of bob's goes through this route, so the test can cut and refuse it
  // (context.setOffline alone leaves an open WebSocket up).
  let networkDown = false;
  const live = new Set<WebSocketRoute>();
  await bob.context.routeWebSocket(/\/collab\//, (ws) => {
    if (networkDown) {
      void ws.close({ code: 1000, reason: 'test: network down' });
      return;
    }
    const server = ws.connectToServer();
    live.add(ws);
    ws.onClose(() => live.delete(ws));
    server.onClose(() => live.delete(ws));
  });

  await Promise.all([alice.page.goto(`/d/${documentId}`), bob.page.goto(`/d/${documentId}`)]);
  await Promise.all([expectSaved(alice.page), expectSaved(bob.page)]);
  await editorOf(alice.page).click();
  await alice.page.keyboard.type('If things get hard, call Sam first.');
  await expect(editorOf(bob.page)).toContainText('call Sam first.');
  await expectSaved(alice.page);

  // The network drops: bob's live socket closes and new ones are refused.
  networkDown = true;
  await Promise.all([...live].map((ws) => ws.close({ code: 1000, reason: 'test: network down' })));
  await expect(saveStatus(bob.page)).toHaveText(OFFLINE);

  await editorOf(bob.page).click();
  await bob.page.keyboard.press('ControlOrMeta+End');
  await bob.page.keyboard.press('Enter');
  await bob.page.keyboard.type('Written by Bob while offline.');
  await expect(editorOf(bob.page)).toContainText('Written by Bob while offline.');
  await expect(saveStatus(bob.page)).toHaveText(OFFLINE);
  await expect(editorOf(alice.page)).not.toContainText('Written by Bob while offline.');

  // Still offline, a reload keeps bob's text (it is in IndexedDB).
  await bob.page.reload();
  await expect(editorOf(bob.page)).toContainText('Written by Bob while offline.');
  await expect(saveStatus(bob.page)).toHaveText(OFFLINE);

  // The network is back: bob reconnects by himself, his text is stored, and alice sees it.
  networkDown = false;
  await expectSaved(bob.page);
  await expect(editorOf(alice.page)).toContainText('Written by Bob while offline.');
  await expect(editorOf(alice.page)).toContainText('If things get hard, call Sam first.');
});
