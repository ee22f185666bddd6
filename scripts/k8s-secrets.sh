#!/usr/bin/env bash
# Creates (or updates) the Secrets the k8s/ overlays reference, in NAMESPACE, from local material:
# TLS certificates, the token issuer's public key and service tokens made by
# `./rtcsuite credentials DIR` (a local CA: for dev and trials; production brings its own PKI, e.g.
# cert-manager writing the same kubernetes.io/tls Secrets), and random database passwords that are
# kept if the Secret exists already. Nothing here is committed anywhere.
#
#   scripts/k8s-secrets.sh NAMESPACE [CREDENTIALS_DIR]     (needs kubectl access to the cluster)
#   DRY_RUN=1 scripts/k8s-secrets.sh NAMESPACE             prints the Secrets (YAML) instead
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAMESPACE="${1:?usage: scripts/k8s-secrets.sh NAMESPACE [CREDENTIALS_DIR]}"
DIR="${2:-$ROOT/.rtcsuite/credentials}"
bash "$ROOT/rtcsuite" credentials "$DIR" >/dev/null

apply() { # apply: kubectl apply of the Secret YAML on stdin (or print it with DRY_RUN=1)
    if [ -n "${DRY_RUN:-}" ]; then cat; echo "---"; else kubectl apply -n "$NAMESPACE" -f -; fi
}
existing_password() { # the password already in Secret $1, if any
    [ -n "${DRY_RUN:-}" ] && return 0
    kubectl get secret -n "$NAMESPACE" "$1" -o jsonpath='{.data.password}' 2>/dev/null | base64 -d || true
}
password_for() { local current; current="$(existing_password "$1")"; echo "${current:-$(openssl rand -hex 24)}"; }

for area in recording mixing rating package; do
    kubectl create secret generic "rtcsuite-$area-tls" --type=kubernetes.io/tls --dry-run=client -o yaml \
        --from-file=tls.crt="$DIR/$area.pem" --from-file=tls.key="$DIR/$area.key" \
        --from-file=ca.crt="$DIR/ca.pem" | apply
    kubectl create secret generic "rtcsuite-$area-token" --dry-run=client -o yaml \
        --from-file=issuer.pub="$DIR/issuer.pub" --from-file=service.token="$DIR/$area.token" | apply
    kubectl create secret generic "rtcsuite-$area-db" --type=kubernetes.io/basic-auth --dry-run=client -o yaml \
        --from-literal=username="$area" --from-literal=password="$(password_for "rtcsuite-$area-db")" | apply
done
# recording-service signs playback URLs with this key (kept when the Secret exists).
existing_key="$( [ -n "${DRY_RUN:-}" ] || kubectl get secret -n "$NAMESPACE" rtcsuite-recording-playback \
    -o jsonpath='{.data.signing-key}' 2>/dev/null | base64 -d || true)"
kubectl create secret generic rtcsuite-recording-playback --dry-run=client -o yaml \
    --from-literal=signing-key="${existing_key:-$(openssl rand -hex 32)}" | apply
# The dev overlay's PostgreSQL superuser (prod: CloudNativePG makes its own).
kubectl create secret generic rtcsuite-postgres --dry-run=client -o yaml \
    --from-literal=password="$(password_for rtcsuite-postgres)" | apply
