-- ListDeductions reads an account's deductions newest first (ORDER BY seq DESC LIMIT n). Without
-- this index the planner may walk the whole ledger backwards along seq, filtering on the account:
-- for a small account on a ledger of millions of rows that is a full scan per page.
CREATE INDEX deduction_account_seq_idx ON deduction (account_id, seq);
