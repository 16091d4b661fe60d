import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGE_TYPES, RecordEventSchema, type RecordEvent } from '../../shared/src/index';
import { position, propose, setupTeam, type Team } from './decisionHelpers';
import { connectClient, startTestServer, synced, waitFor, type TestClient, type TestServer } from './testServer';

let server: TestServer;
let team: Team;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  team = await setupTeam(server);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.cleanup();
});

function open(token: string, params: Record<string, string> = {}): TestClient {
  const client = connectClient(server.wsUrl, team.owner.documentId, token, params);
  clients.push(client);
  return client;
}

describe('live decision notices', () => {
  it('reach Ensemble clients of the document, while a stock client gets none and keeps working', async () => {
    const ensemble = open(team.editor.token, { client: 'ensemble' });
    const notices: RecordEvent[] = [];
    ensemble.provider.messageHandlers[MESSAGE_TYPES.record] = (_encoder, decoder) => {
      notices.push(RecordEventSchema.parse(JSON.parse(decoding.readVarString(decoder))));
    };
    // Ensemble clients also get `saved` acknowledgements; this test has no use for them.
    ensemble.provider.messageHandlers[MESSAGE_TYPES.saved] = () => {};
    const stock = open(team.commenter.token);
    let stockSaw101 = 0;
    stock.provider.messageHandlers[MESSAGE_TYPES.record] = () => {
      stockSaw101++;
    };
    await Promise.all([synced(ensemble), synced(stock)]);

    const decision = await propose(server, team.owner.token, team.owner.documentId);
    await waitFor(() => notices.length === 1, 'notice of the new decision');
    expect(notices[0]).toEqual({ kind: 'decisions', documentId: team.owner.documentId, id: decision.id });
    await position(server, team.commenter.token, decision.id, { stance: 'agree' });
    await waitFor(() => notices.length === 2, 'notice of the new position');
    expect(notices[1]).toEqual({ kind: 'decisions', documentId: team.owner.documentId, id: decision.id });

    // The editor writes, the stock client receives it: its socket survived both notices.
    ensemble.text.insert(0, 'Après la décision.');
    await waitFor(() => stock.text.toString() === 'Après la décision.', 'stock client still in sync');
    expect(stock.provider.wsconnected).toBe(true);
    expect(stockSaw101).toBe(0);
  });
});
