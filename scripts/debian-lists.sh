#!/bin/sh
# Fetch one Debian release's package lists (amd64, main; release + -updates + -security) with a private
# apt configuration under /tmp/deb-<release>, leaving the machine's own apt configuration alone, and
# write the merged candidate records (`apt-cache dumpavail`) to /tmp/deb-<release>/dumpavail.txt.
#
#   sh scripts/debian-lists.sh trixie
#   npx tsx scripts/debian-tables.ts trixie /tmp/deb-trixie/dumpavail.txt /tmp/deb-trixie/state/lists
#
# MIRROR defaults to deb.debian.org (the host this machine's /etc/apt/sources.list.d uses). The keyring
# is Debian's archive keyring (debian-archive-keyring signs bullseye, bookworm and trixie).
set -eu
release="$1"
mirror="${MIRROR:-http://deb.debian.org}"
keyring="${KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}"
dir="/tmp/deb-$release"
mkdir -p "$dir/state/lists/partial" "$dir/cache/archives/partial"
touch "$dir/state/status"
cat > "$dir/sources.list" <<EOF
deb [arch=amd64 signed-by=$keyring] $mirror/debian $release main
deb [arch=amd64 signed-by=$keyring] $mirror/debian $release-updates main
deb [arch=amd64 signed-by=$keyring] $mirror/debian-security $release-security main
EOF
apt_opts="-o Dir::Etc::sourcelist=$dir/sources.list -o Dir::Etc::sourceparts=- -o Dir::State=$dir/state
  -o Dir::State::status=$dir/state/status -o Dir::Cache=$dir/cache -o APT::Architecture=amd64
  -o APT::Architectures::=amd64 -o Acquire::Languages=none -o Dir::Etc::preferencesparts=- -o Debug::NoLocking=1"
# shellcheck disable=SC2086 # the options are meant to split
apt-get $apt_opts update
# shellcheck disable=SC2086
apt-cache $apt_opts dumpavail > "$dir/dumpavail.txt"
echo "wrote $dir/dumpavail.txt ($(grep -c '^Package:' "$dir/dumpavail.txt") packages)"
