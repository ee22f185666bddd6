#!/bin/bash
# First start of the dev PostgreSQL: one role and one database per service (as in prod), each
# role's password from that service's rtcsuite-<area>-db Secret.
set -euo pipefail
create() { # create ROLE PASSWORD DATABASE
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v role="$1" -v password="$2" -v database="$3" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
SQL
}
create "$RECORDING_DB_USER" "$RECORDING_DB_PASSWORD" rtcsuite_recording
create "$MIXING_DB_USER" "$MIXING_DB_PASSWORD" rtcsuite_mixing
create "$RATING_DB_USER" "$RATING_DB_PASSWORD" rtcsuite_rating
create "$PACKAGE_DB_USER" "$PACKAGE_DB_PASSWORD" rtcsuite_packages
