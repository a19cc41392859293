-- Coupons issued per send node and card, against the node's stock: a send takes one with a conditional increment
-- (issued < stock) in its processing transaction, so the count is exact under concurrency and a rolled-back
-- transaction gives its coupon back. Kept across versions of the journey (a new version does not refill it).
CREATE TABLE coupon_stock (
    tenant_id  BIGINT      NOT NULL,
    journey_id BIGINT      NOT NULL,
    node_id    VARCHAR(64) NOT NULL,
    card_id    VARCHAR(64) NOT NULL,
    issued     BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, journey_id, node_id, card_id)
);
