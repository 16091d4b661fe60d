import { describeCommentStoreContract } from '../../comments/commentStoreContract';
import { describeDecisionStoreContract } from '../../decisions/decisionStoreContract';
import { describeReviewStoreContract } from '../../reviews/reviewStoreContract';
import { describeWithPostgres, usePostgres } from '../../../test/support/postgres';
import { openPostgresStorage } from './postgresStorage';

describeWithPostgres('PostgreSQL capability stores', () => {
  const postgres = usePostgres();
  const open = async () => {
    const storage = await openPostgresStorage({ url: await postgres.createDatabase() });
    return { ...storage, close: () => storage.store.close() };
  };

  describeDecisionStoreContract('PostgreSQL', open);
  describeCommentStoreContract('PostgreSQL', open);
  describeReviewStoreContract('PostgreSQL', open);
});
