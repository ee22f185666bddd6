-- deduction.seq orders an account's deductions (deduction_account_seq_idx serves every read by it);
-- nothing reads it across accounts. Its UNIQUE constraint kept a second ledger-wide index that
-- every deduction paid for on insert. The values stay unique: GENERATED ALWAYS AS IDENTITY draws
-- them from the table's sequence and refuses any other value.
ALTER TABLE deduction DROP CONSTRAINT deduction_seq_key;
