#!/usr/bin/env bash
# Starts a throw-away OpenLDAP server (Debian's slapd) for the directory sign-in tests, with the test directory of
# directory.ldif: start-slapd.sh <work dir> <port> [--again]. The server forks and writes <work dir>/slapd.pid; stop
# it with kill "$(cat <work dir>/slapd.pid)". --again starts the server of an earlier start again, its entries as they
# were. Installs nothing: .ci/run installs slapd and ldap-utils.
set -euo pipefail
WORK="$1"
PORT="$2"
HERE="$(cd "$(dirname "$0")" && pwd)"
if [ "${3:-}" = "--again" ]; then
  /usr/sbin/slapd -f "$WORK/slapd.conf" -h "ldap://127.0.0.1:$PORT/"
  for _ in $(seq 1 50); do
    if ldapsearch -x -H "ldap://127.0.0.1:$PORT/" -b "" -s base >/dev/null 2>&1; then exit 0; fi
    sleep 0.1
  done
  exit 1
fi
rm -rf "$WORK"
mkdir -p "$WORK/data"
cat > "$WORK/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
pidfile $WORK/slapd.pid
database mdb
maxsize 10485760
suffix "dc=bank,dc=example"
rootdn "cn=admin,dc=bank,dc=example"
rootpw directory-admin-secret
directory $WORK/data
overlay memberof
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
CONF
/usr/sbin/slapd -f "$WORK/slapd.conf" -h "ldap://127.0.0.1:$PORT/"
for _ in $(seq 1 50); do
  if ldapsearch -x -H "ldap://127.0.0.1:$PORT/" -b "" -s base >/dev/null 2>&1; then break; fi
  sleep 0.1
done
ldapadd -x -H "ldap://127.0.0.1:$PORT/" -D "cn=admin,dc=bank,dc=example" -w directory-admin-secret \
  -f "$HERE/directory.ldif" >/dev/null
