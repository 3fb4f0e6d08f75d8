#!/usr/bin/env bash
# Builds a small Java 17 runtime image for the node, on a machine that cannot pull images from a registry:
# a jlink'ed JRE with the modules the node needs, the shared libraries it links (glibc, zlib), a passwd entry
# for the unprivileged user the node runs as, imported with `docker import`. About 45 MB, a few seconds.
#
#   bash tools/jre-image.sh [TAG]        (default tag: clf-jre:17)
#
# Then build a node image on it: docker build --build-arg BASE_IMAGE=clf-jre:17 -t clf-node step05-consensus
set -euo pipefail
tag=${1:-clf-jre:17}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
modules=java.base,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.security.sasl,java.sql,jdk.unsupported,jdk.crypto.ec
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$root/opt/java"

# Every shared library the runtime links, with the dynamic loader, copied at the same paths.
{ ldd "$root/opt/java/bin/java"; find "$root/opt/java/lib" -name '*.so' -exec ldd {} \; ; } 2>/dev/null \
  | grep -o '/[^ ]*' | sort -u | while read -r library; do
    [ -e "$library" ] || continue
    mkdir -p "$root$(dirname "$library")"
    cp -L "$library" "$root$library"
  done
# glibc loads these by name at run time for DNS and user lookups, so ldd does not list them.
for library in /lib/x86_64-linux-gnu/libnss_dns.so.2 /lib/x86_64-linux-gnu/libnss_files.so.2 \
               /lib/x86_64-linux-gnu/libresolv.so.2; do
  [ -e "$library" ] && mkdir -p "$root$(dirname "$library")" && cp -L "$library" "$root$library"
done
mkdir -p "$root/etc" "$root/tmp" "$root/app"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"

previous=$(docker image inspect --format '{{.Id}}' "$tag" 2>/dev/null || true)
tar -C "$root" -c . | docker import --change 'ENV PATH=/opt/java/bin:/usr/bin:/bin' \
  --change 'ENV JAVA_HOME=/opt/java' - "$tag" >/dev/null
# The image this one replaces would be left without a name; remove it, unless something still uses it.
if [ -n "$previous" ] && [ "$previous" != "$(docker image inspect --format '{{.Id}}' "$tag")" ]; then
  docker rmi "$previous" >/dev/null 2>&1 || true
fi
echo "built $tag ($(docker image inspect "$tag" --format '{{.Size}}' | awk '{ printf "%.0f MB", $1 / 1e6 }'))"
