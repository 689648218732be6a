-- Vocadent backend schema. Every row belongs to one clinic (clinic_id); every query filters by it.
-- btree_gist (for the bookings exclusion constraint) is created in schema public by Database before migrating.

CREATE TABLE clinics (
    clinic_id  text PRIMARY KEY,
    config     jsonb NOT NULL,
    version    bigint NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Bearer tokens of clinics, stored as SHA-256 of the token (tokens are random, high entropy).
CREATE TABLE api_tokens (
    token_hash bytea PRIMARY KEY,
    clinic_id  text NOT NULL REFERENCES clinics (clinic_id),
    label      text,
    demo       boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_tokens_clinic ON api_tokens (clinic_id);

-- Same clinic + phone + date of birth = same patient.
CREATE TABLE patients (
    patient_id    uuid PRIMARY KEY,
    clinic_id     text NOT NULL REFERENCES clinics (clinic_id),
    name          text,
    phone         text NOT NULL,
    date_of_birth date NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT patients_identity UNIQUE (clinic_id, phone, date_of_birth)
);

-- A doctor can never be booked twice for overlapping times: enforced by the database.
CREATE TABLE bookings (
    booking_id        uuid PRIMARY KEY,
    clinic_id         text NOT NULL REFERENCES clinics (clinic_id),
    slot_id           text NOT NULL,
    doctor_id         text NOT NULL,
    during            tstzrange NOT NULL,
    consultation_type text NOT NULL,
    booking_type      text NOT NULL,
    patient_id        uuid NOT NULL REFERENCES patients (patient_id),
    patient_type      text,
    relationship      text,
    call_session_id   text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
        clinic_id public.gist_text_ops WITH =,
        doctor_id public.gist_text_ops WITH =,
        during WITH &&)
);

-- Stored answers of POST /book-appointment by Idempotency-Key.
CREATE TABLE idempotency_keys (
    clinic_id    text NOT NULL REFERENCES clinics (clinic_id),
    idem_key     text NOT NULL,
    request_hash text NOT NULL,
    status       int NOT NULL,
    response     jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (clinic_id, idem_key)
);

CREATE TABLE other_requests (
    request_id      uuid PRIMARY KEY,
    clinic_id       text NOT NULL REFERENCES clinics (clinic_id),
    request_type    text NOT NULL,
    patient_name    text,
    phone           text,
    date_of_birth   date,
    message         text,
    reason          text,
    call_session_id text,
    created_at      timestamptz NOT NULL
);
CREATE INDEX other_requests_clinic ON other_requests (clinic_id, created_at);

CREATE TABLE calls (
    clinic_id        text NOT NULL REFERENCES clinics (clinic_id),
    session_id       text NOT NULL,
    channel          text,
    outcome          text NOT NULL,
    sentiment        text,
    started_at       timestamptz NOT NULL,
    local_day        date NOT NULL,
    duration_seconds double precision NOT NULL,
    record           jsonb NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (clinic_id, session_id)
);
CREATE INDEX calls_clinic_day ON calls (clinic_id, local_day);
