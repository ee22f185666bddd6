-- A balance sums the postpaid overflow of the account's days not settled yet
-- (DeductionRepository.unsettledOverflow): it steps through the days with overflow in this index
-- and reads only the open days' rows. Deductions a package covered whole are not in it.
CREATE INDEX deduction_overflow_idx ON deduction (account_id, billing_day)
    INCLUDE (currency, postpaid_amount) WHERE postpaid_amount <> 0;
