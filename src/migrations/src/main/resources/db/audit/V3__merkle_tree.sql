-- The audit log as a Merkle tree in the style of RFC 9162: leaf i is the entry of sequence i + 1, whose leaf data
-- is the 32 bytes of its entry hash (leaf hash SHA-256(0x00 || entry hash), node hash SHA-256(0x01 || left ||
-- right)). merkle_node keeps the hash of every complete perfect subtree above the leaves (level >= 1; the node at
-- (level, idx) covers leaves idx * 2^level to (idx + 1) * 2^level - 1), written in the same transaction as the
-- entries it covers, so that any inclusion or consistency proof, and the root at any size, is O(log n) rows.
-- Complete subtrees never change: the runtime role may only INSERT and SELECT.
CREATE TABLE merkle_node (
    level  smallint NOT NULL,
    idx    bigint   NOT NULL,
    hash   bytea    NOT NULL,
    PRIMARY KEY (level, idx)
);

GRANT SELECT, INSERT ON merkle_node TO ${runtime_role};

-- checkpoints now sign the tree's root as well (text version 2); the rows signed before have none (version 1)
ALTER TABLE checkpoint ADD COLUMN root_hash text;

-- the tree of the entries written before it existed
DO $$
DECLARE
    lvl  int := 1;
    made bigint;
BEGIN
    INSERT INTO merkle_node (level, idx, hash)
    SELECT 1, (l.sequence - 1) / 2, sha256('\x01'::bytea || sha256('\x00'::bytea || decode(l.hash, 'hex'))
            || sha256('\x00'::bytea || decode(r.hash, 'hex')))
    FROM audit_entry l JOIN audit_entry r ON r.sequence = l.sequence + 1
    WHERE (l.sequence - 1) % 2 = 0;
    LOOP
        INSERT INTO merkle_node (level, idx, hash)
        SELECT lvl + 1, l.idx / 2, sha256('\x01'::bytea || l.hash || r.hash)
        FROM merkle_node l JOIN merkle_node r ON r.level = lvl AND r.idx = l.idx + 1
        WHERE l.level = lvl AND l.idx % 2 = 0;
        GET DIAGNOSTICS made = ROW_COUNT;
        EXIT WHEN made = 0;
        lvl := lvl + 1;
    END LOOP;
END $$;
