import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeCommentStoreContract } from '../../comments/commentStoreContract';
import { describeReviewStoreContract } from '../../reviews/reviewStoreContract';
import { SqliteCommentStore } from './commentStore';
import { SqliteReviewStore } from './reviewStore';
import { SqliteStore, openSqliteDatabase } from './sqliteStore';
import { SqliteVisitStore } from './visitStore';

function openFile(file: string) {
  const db = openSqliteDatabase({ filename: file, durability: 'normal' });
  const store = new SqliteStore(db);
  return { store, comments: new SqliteCommentStore(db), reviews: new SqliteReviewStore(db), visits: new SqliteVisitStore(db), close: () => store.close() };
}

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-comments-')), 'ensemble.sqlite');

describeCommentStoreContract('SQLite (in memory)', async () => openFile(':memory:'));
describeCommentStoreContract('SQLite (file)', async () => openFile(tempFile()));
describeReviewStoreContract('SQLite (in memory)', async () => openFile(':memory:'));
