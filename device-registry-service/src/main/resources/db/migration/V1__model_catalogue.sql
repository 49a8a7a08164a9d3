-- The model catalogue, copied from heatpump.catalogue (key manufacturer/model; the polling service owns the data).
CREATE TABLE model_catalogue (
    id                VARCHAR(100) PRIMARY KEY, -- manufacturer/model, the topic key
    manufacturer      VARCHAR(32)  NOT NULL,
    model             VARCHAR(64)  NOT NULL,
    manufacturer_name VARCHAR(128) NOT NULL,
    display_name      VARCHAR(128) NOT NULL,
    document          TEXT         NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    UNIQUE (manufacturer, model)
);
