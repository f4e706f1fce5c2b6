#!/usr/bin/env bash
# Makes the certificates the secured-cluster tests need, in DIR (which must exist):
#   ca.pem/ca.key            the test CA                     other-ca.pem   a CA that signed nothing here
#   server.pem/server.key    CN=localhost, SAN DNS:localhost, IP:127.0.0.1, signed by ca
#   expired.pem/expired.key  like server, but valid only in January 2020
#   wronghost.pem/.key       SAN DNS:wrong-host.example.com only, signed by ca
#   client.pem/client.key    CN=kafkactl-client (clientAuth), signed by ca; client-encrypted.key: the same key, AES
#                            encrypted with the passphrase in client-key-password
#   truststore.p12, truststore.jks   binary stores (the JKS one only its magic number), for the "convert it" messages
# Uses only the openssl command line; EC P-256 keys keep it fast.
set -euo pipefail
dir="$1"
cd "$dir"

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# Two CAs.
for ca in ca other-ca; do
    key "$ca.key"
    openssl req -x509 -new -key "$ca.key" -sha256 -days 3650 -subj "/CN=kafkactl test $ca" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -out "$ca.pem" 2>/dev/null
done

# A leaf signed by ca: leaf NAME CN SAN EKU
leaf() {
    local name="$1" cn="$2" san="$3" eku="$4"
    key "$name.key"
    openssl req -new -key "$name.key" -subj "/CN=$cn" -out "$name.csr" 2>/dev/null
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=%s\n%s\n' \
        "$eku" "${san:+subjectAltName=$san}" >"$name.ext"
    openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days 825 -sha256 \
        -extfile "$name.ext" -out "$name.pem" 2>/dev/null
    rm -f "$name.csr" "$name.ext"
}
leaf server localhost "DNS:localhost,IP:127.0.0.1" serverAuth
leaf wronghost wrong-host.example.com "DNS:wrong-host.example.com" serverAuth
leaf client kafkactl-client "" clientAuth

# An expired certificate needs explicit dates, which only `openssl ca` takes in OpenSSL 3.0.
key expired.key
openssl req -new -key expired.key -subj "/CN=localhost" -out expired.csr 2>/dev/null
mkdir -p ca-db
: >ca-db/index.txt
echo 1000 >ca-db/serial
cat >ca-db/openssl.cnf <<CNF
[ca]
default_ca = test
[test]
database = ca-db/index.txt
serial = ca-db/serial
new_certs_dir = ca-db
default_md = sha256
policy = any
copy_extensions = none
x509_extensions = leaf
[any]
commonName = supplied
[leaf]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
CNF
openssl ca -batch -config ca-db/openssl.cnf -cert ca.pem -keyfile ca.key -in expired.csr -out expired.pem \
    -startdate 20200101000000Z -enddate 20200102000000Z -notext >/dev/null 2>&1
rm -rf expired.csr ca-db

# The client key again, encrypted (PKCS#8, AES-256) with a passphrase.
printf 'key-passphrase-1' >client-key-password
openssl pkcs8 -topk8 -in client.key -v2 aes-256-cbc -passout file:client-key-password -out client-encrypted.key 2>/dev/null

# Binary stores, as Java tools write them.
openssl pkcs12 -export -nokeys -in ca.pem -passout pass:changeit -out truststore.p12 2>/dev/null
printf '\xfe\xed\xfe\xed\x00\x00\x00\x02' >truststore.jks

# stunnel wants each certificate and its key in one file.
for name in server expired wronghost; do cat "$name.pem" "$name.key" >"$name-bundle.pem"; done
chmod 600 ./*.key ./*-bundle.pem
