// Every Debian package in the official full `python:3.X` images (python:3.12 = trixie, python:3.12-bookworm),
// linux/amd64: what `isInFullPythonImage` answers from.
//
// How the lists were made (2026-11-28): `apt-get install -s --no-install-recommends` of the packages the
// images' Dockerfiles install (buildpack-deps curl + scm + full layers, plus the python image's own
// libbluetooth-dev tk-dev uuid-dev; see buildpack-deps.ts) together with every `Priority: required`
// package and apt (what a debian:<suite> rootfs holds), on an empty dpkg status against the Debian
// trixie / bookworm (+updates, +security) archives. Checked against the installed-package list of the
// real image in docker-library/repo-info@0212f5911e32998c4e385c115689aa1c9125c10d:repos/python/local/3.12.md
// (python:3.12.14-trixie, 2026-08-13): spot checks of 35 packages across the file all present. Archive
// updates between the image build and the simulation can rename a library (t64 transitions): the lists are
// exact for the Debian releases above, approximate for older builds.

function packageSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((name) => name !== ""));
}

/** 469 packages: python:3.1X (trixie) full images. */
export const FULL_IMAGE_PACKAGES_TRIXIE = packageSet(`
adduser apt autoconf automake autotools-dev base-files base-passwd bash binutils binutils-common
binutils-x86-64-linux-gnu bsdutils bzip2 ca-certificates comerr-dev coreutils cpp cpp-14
cpp-14-x86-64-linux-gnu cpp-x86-64-linux-gnu curl dash debconf debian-archive-keyring debianutils
default-libmysqlclient-dev diffutils dirmngr dpkg dpkg-dev file findutils fontconfig fontconfig-config
fonts-dejavu-core fonts-dejavu-mono g++ g++-14 g++-14-x86-64-linux-gnu g++-x86-64-linux-gnu gcc gcc-14
gcc-14-base gcc-14-x86-64-linux-gnu gcc-x86-64-linux-gnu gir1.2-freedesktop gir1.2-freedesktop-dev
gir1.2-gdkpixbuf-2.0 gir1.2-glib-2.0 gir1.2-glib-2.0-dev gir1.2-harfbuzz-0.0 gir1.2-pango-1.0
gir1.2-rsvg-2.0 girepository-tools git git-man gnupg gnupg-l10n gpg gpg-agent gpgconf gpgsm grep gzip
hicolor-icon-theme hostname icu-devtools imagemagick imagemagick-7-common imagemagick-7.q16
init-system-helpers krb5-multidev libacl1 libapr1t64 libaprutil1t64 libapt-pkg7.0 libasan8 libassuan9
libatomic1 libattr1 libaudit-common libaudit1 libbinutils libblkid-dev libblkid1 libbluetooth-dev
libbluetooth3 libbrotli-dev libbrotli1 libbsd0 libbz2-1.0 libbz2-dev libc-bin libc-dev-bin libc6
libc6-dev libcairo-gobject2 libcairo-script-interpreter2 libcairo2 libcairo2-dev libcap-ng0 libcap2
libcbor0.10 libcc1-0 libcom-err2 libcrypt-dev libcrypt1 libctf-nobfd0 libctf0 libcurl3t64-gnutls
libcurl4-openssl-dev libcurl4t64 libdatrie-dev libdatrie1 libdav1d-dev libdav1d7 libdb-dev libdb5.3-dev
libdb5.3t64 libde265-0 libdebconfclient0 libdeflate-dev libdeflate0 libdjvulibre-dev libdjvulibre-text
libdjvulibre21 libdpkg-perl libedit2 libelf1t64 liberror-perl libevent-2.1-7t64 libevent-core-2.1-7t64
libevent-dev libevent-extra-2.1-7t64 libevent-openssl-2.1-7t64 libevent-pthreads-2.1-7t64 libexif-dev
libexif12 libexpat1 libexpat1-dev libffi-dev libffi8 libfftw3-bin libfftw3-dev libfftw3-double3
libfftw3-long3 libfftw3-quad3 libfftw3-single3 libfido2-1 libfontconfig-dev libfontconfig1
libfreetype-dev libfreetype6 libfribidi-dev libfribidi0 libgcc-14-dev libgcc-s1 libgcrypt20
libgdbm-compat4t64 libgdbm-dev libgdbm6t64 libgdk-pixbuf-2.0-0 libgdk-pixbuf-2.0-dev
libgdk-pixbuf2.0-bin libgdk-pixbuf2.0-common libgio-2.0-dev libgio-2.0-dev-bin libgirepository-2.0-0
libglib2.0-0t64 libglib2.0-bin libglib2.0-data libglib2.0-dev libglib2.0-dev-bin libgmp-dev libgmp10
libgmpxx4ldbl libgnutls-dane0t64 libgnutls-openssl27t64 libgnutls28-dev libgnutls30t64 libgomp1
libgpg-error0 libgprofng0 libgraphite2-3 libgraphite2-dev libgssapi-krb5-2 libgssrpc4t64
libharfbuzz-cairo0 libharfbuzz-dev libharfbuzz-gobject0 libharfbuzz-icu0 libharfbuzz-subset0
libharfbuzz0b libheif-plugin-dav1d libheif-plugin-libde265 libheif1 libhogweed6t64 libhwasan0 libice-dev
libice6 libicu-dev libicu76 libidn2-0 libidn2-dev libimath-3-1-29t64 libimath-dev libisl23 libitm1
libjansson4 libjbig-dev libjbig0 libjpeg-dev libjpeg62-turbo libjpeg62-turbo-dev libk5crypto3
libkadm5clnt-mit12 libkadm5srv-mit12 libkdb5-10t64 libkeyutils1 libkrb5-3 libkrb5-dev libkrb5support0
libksba8 liblastlog2-2 liblcms2-2 liblcms2-dev libldap-dev libldap2 liblerc-dev liblerc4 liblqr-1-0
liblqr-1-0-dev liblsan0 libltdl-dev libltdl7 liblz4-1 liblzma-dev liblzma5 liblzo2-2 libmagic-mgc
libmagic1t64 libmagickcore-7-arch-config libmagickcore-7-headers libmagickcore-7.q16-10
libmagickcore-7.q16-10-extra libmagickcore-7.q16-dev libmagickcore-dev libmagickwand-7-headers
libmagickwand-7.q16-10 libmagickwand-7.q16-dev libmagickwand-dev libmariadb-dev libmariadb-dev-compat
libmariadb3 libmaxminddb-dev libmaxminddb0 libmd0 libmount-dev libmount1 libmpc3 libmpfr6 libncurses-dev
libncurses6 libncursesw6 libnettle8t64 libnghttp2-14 libnghttp2-dev libnghttp3-9 libnghttp3-dev
libngtcp2-16 libngtcp2-crypto-gnutls8 libnpth0t64 libopenexr-3-1-30 libopenexr-dev libopenjp2-7
libopenjp2-7-dev libp11-kit-dev libp11-kit0 libpam-modules libpam-modules-bin libpam-runtime libpam0g
libpango-1.0-0 libpango1.0-dev libpangocairo-1.0-0 libpangoft2-1.0-0 libpangoxft-1.0-0 libpcre2-16-0
libpcre2-32-0 libpcre2-8-0 libpcre2-dev libpcre2-posix3 libperl5.40 libpixman-1-0 libpixman-1-dev
libpkgconf3 libpng-dev libpng16-16t64 libpq-dev libpq5 libproc2-0 libpsl-dev libpsl5t64
libpython3-stdlib libpython3.13-minimal libpython3.13-stdlib libquadmath0 libraw23t64 libreadline-dev
libreadline8t64 librsvg2-2 librsvg2-common librsvg2-dev librtmp-dev librtmp1 libsasl2-2
libsasl2-modules-db libseccomp2 libselinux1 libselinux1-dev libsemanage-common libsemanage2 libsepol-dev
libsepol2 libserf-1-1 libsframe1 libsharpyuv-dev libsharpyuv0 libsm-dev libsm6 libsmartcols1
libsqlite3-0 libsqlite3-dev libssh2-1-dev libssh2-1t64 libssl-dev libssl3t64 libstdc++-14-dev libstdc++6
libsvn1 libsysprof-capture-4-dev libsystemd0 libtasn1-6 libtasn1-6-dev libtcl8.6 libtext-charwidth-perl
libtext-wrapi18n-perl libthai-data libthai-dev libthai0 libtiff-dev libtiff6 libtiffxx6 libtinfo6
libtk8.6 libtool libtsan2 libubsan1 libudev1 libunbound8 libunistring5 libutf8proc3 libuuid1 libwebp-dev
libwebp7 libwebpdecoder3 libwebpdemux2 libwebpmux3 libwmf-0.2-7 libwmf-dev libwmflite-0.2-7 libx11-6
libx11-data libx11-dev libxau-dev libxau6 libxcb-render0 libxcb-render0-dev libxcb-shm0 libxcb-shm0-dev
libxcb1 libxcb1-dev libxdmcp-dev libxdmcp6 libxext-dev libxext6 libxft-dev libxft2 libxml2 libxml2-dev
libxrender-dev libxrender1 libxslt1-dev libxslt1.1 libxss-dev libxss1 libxt-dev libxt6t64 libxxhash0
libyaml-0-2 libyaml-dev libzstd-dev libzstd1 linux-libc-dev login login.defs m4 make mariadb-common mawk
media-types mercurial mercurial-common mount mysql-common native-architecture ncurses-base ncurses-bin
netbase nettle-dev openssh-client openssl openssl-provider-legacy pango1.0-tools passwd patch perl
perl-base perl-modules-5.40 pinentry-curses pkgconf pkgconf-bin procps python3 python3-minimal
python3-packaging python3.13 python3.13-minimal readline-common rpcsvc-proto sed sensible-utils
shared-mime-info sq sqv subversion sysvinit-utils tar tcl tcl-dev tcl8.6 tcl8.6-dev tk tk-dev tk8.6
tk8.6-dev tzdata ucf unzip util-linux uuid-dev wget x11-common x11proto-dev xorg-sgml-doctools
xtrans-dev xz-utils zlib1g zlib1g-dev`);

/** 432 packages: python:3.1X-bookworm full images. */
export const FULL_IMAGE_PACKAGES_BOOKWORM = packageSet(`
adduser apt autoconf automake autotools-dev base-files base-passwd bash binutils binutils-common
binutils-x86-64-linux-gnu bsdutils bzip2 ca-certificates comerr-dev coreutils cpp cpp-12 curl dash
debconf debian-archive-keyring debianutils default-libmysqlclient-dev diffutils dirmngr dpkg dpkg-dev
e2fsprogs file findutils fontconfig fontconfig-config fonts-dejavu-core g++ g++-12 gcc gcc-12
gcc-12-base gir1.2-freedesktop gir1.2-gdkpixbuf-2.0 gir1.2-glib-2.0 gir1.2-rsvg-2.0 git git-man gnupg
gnupg-l10n gnupg-utils gpg gpg-agent gpg-wks-client gpg-wks-server gpgconf gpgsm gpgv grep gzip
hicolor-icon-theme hostname icu-devtools imagemagick imagemagick-6-common imagemagick-6.q16
init-system-helpers krb5-multidev libacl1 libaom3 libapr1 libaprutil1 libapt-pkg6.0 libasan8 libassuan0
libatomic1 libattr1 libaudit-common libaudit1 libbinutils libblkid-dev libblkid1 libbluetooth-dev
libbluetooth3 libbrotli-dev libbrotli1 libbsd0 libbz2-1.0 libbz2-dev libc-bin libc-dev-bin libc6
libc6-dev libcairo-gobject2 libcairo-script-interpreter2 libcairo2 libcairo2-dev libcap-ng0 libcap2
libcbor0.8 libcc1-0 libcom-err2 libcrypt-dev libcrypt1 libctf-nobfd0 libctf0 libcurl3-gnutls libcurl4
libcurl4-openssl-dev libdatrie1 libdav1d6 libdb-dev libdb5.3 libdb5.3-dev libde265-0 libdebconfclient0
libdeflate-dev libdeflate0 libdjvulibre-dev libdjvulibre-text libdjvulibre21 libdpkg-perl libedit2
libelf1 liberror-perl libevent-2.1-7 libevent-core-2.1-7 libevent-dev libevent-extra-2.1-7
libevent-openssl-2.1-7 libevent-pthreads-2.1-7 libexif-dev libexif12 libexpat1 libexpat1-dev libext2fs2
libffi-dev libffi8 libfftw3-double3 libfido2-1 libfile-find-rule-perl libfontconfig-dev libfontconfig1
libfreetype-dev libfreetype6 libfreetype6-dev libfribidi0 libgcc-12-dev libgcc-s1 libgcrypt20
libgdbm-compat4 libgdbm-dev libgdbm6 libgdk-pixbuf-2.0-0 libgdk-pixbuf-2.0-dev libgdk-pixbuf2.0-bin
libgdk-pixbuf2.0-common libgirepository-1.0-1 libglib2.0-0 libglib2.0-bin libglib2.0-data libglib2.0-dev
libglib2.0-dev-bin libgmp-dev libgmp10 libgmpxx4ldbl libgnutls30 libgomp1 libgpg-error0 libgprofng0
libgraphite2-3 libgssapi-krb5-2 libgssrpc4 libharfbuzz0b libheif1 libhogweed6 libice-dev libice6
libicu-dev libicu72 libidn2-0 libimath-3-1-29 libimath-dev libisl23 libitm1 libjansson4 libjbig-dev
libjbig0 libjpeg-dev libjpeg62-turbo libjpeg62-turbo-dev libk5crypto3 libkadm5clnt-mit12
libkadm5srv-mit12 libkdb5-10 libkeyutils1 libkrb5-3 libkrb5-dev libkrb5support0 libksba8 liblcms2-2
liblcms2-dev libldap-2.5-0 liblerc-dev liblerc4 liblqr-1-0 liblqr-1-0-dev liblsan0 libltdl-dev libltdl7
liblz4-1 liblzma-dev liblzma5 liblzo2-2 libmagic-mgc libmagic1 libmagickcore-6-arch-config
libmagickcore-6-headers libmagickcore-6.q16-6 libmagickcore-6.q16-6-extra libmagickcore-6.q16-dev
libmagickcore-dev libmagickwand-6-headers libmagickwand-6.q16-6 libmagickwand-6.q16-dev
libmagickwand-dev libmariadb-dev libmariadb-dev-compat libmariadb3 libmaxminddb-dev libmaxminddb0 libmd0
libmount-dev libmount1 libmpc3 libmpfr6 libncurses-dev libncurses5-dev libncurses6 libncursesw5-dev
libncursesw6 libnettle8 libnghttp2-14 libnpth0 libnsl-dev libnsl2 libnuma1 libnumber-compare-perl
libopenexr-3-1-30 libopenexr-dev libopenjp2-7 libopenjp2-7-dev libp11-kit0 libpam-modules
libpam-modules-bin libpam-runtime libpam0g libpango-1.0-0 libpangocairo-1.0-0 libpangoft2-1.0-0
libpcre2-16-0 libpcre2-32-0 libpcre2-8-0 libpcre2-dev libpcre2-posix3 libperl5.36 libpixman-1-0
libpixman-1-dev libpkgconf3 libpng-dev libpng16-16 libpq-dev libpq5 libproc2-0 libpsl5
libpthread-stubs0-dev libpython3-stdlib libpython3.11-minimal libpython3.11-stdlib libquadmath0
libreadline-dev libreadline8 librsvg2-2 librsvg2-common librsvg2-dev librtmp1 libsasl2-2
libsasl2-modules-db libseccomp2 libselinux1 libselinux1-dev libsemanage-common libsemanage2 libsepol-dev
libsepol2 libserf-1-1 libsm-dev libsm6 libsmartcols1 libsqlite3-0 libsqlite3-dev libss2 libssh2-1
libssl-dev libssl3 libstdc++-12-dev libstdc++6 libsvn1 libsystemd0 libtasn1-6 libtcl8.6
libtext-glob-perl libthai-data libthai0 libtiff-dev libtiff6 libtiffxx6 libtinfo6 libtirpc-common
libtirpc-dev libtirpc3 libtk8.6 libtool libtsan2 libubsan1 libudev1 libunistring2 libutf8proc2 libuuid1
libwebp-dev libwebp7 libwebpdemux2 libwebpmux3 libwmf-0.2-7 libwmf-dev libwmflite-0.2-7 libx11-6
libx11-data libx11-dev libx265-199 libxau-dev libxau6 libxcb-render0 libxcb-render0-dev libxcb-shm0
libxcb-shm0-dev libxcb1 libxcb1-dev libxdmcp-dev libxdmcp6 libxext-dev libxext6 libxft-dev libxft2
libxml2 libxml2-dev libxrender-dev libxrender1 libxslt1-dev libxslt1.1 libxss-dev libxss1 libxt-dev
libxt6 libxxhash0 libyaml-0-2 libyaml-dev libzstd-dev libzstd1 linux-libc-dev login logsave m4 make
mariadb-common mawk media-types mercurial mercurial-common mount mysql-common ncurses-base ncurses-bin
netbase openssh-client openssl passwd patch perl perl-base perl-modules-5.36 pinentry-curses pkg-config
pkgconf pkgconf-bin procps python3 python3-distutils python3-lib2to3 python3-minimal python3.11
python3.11-minimal readline-common rpcsvc-proto sed sensible-utils shared-mime-info sq subversion
sysvinit-utils tar tcl tcl-dev tcl8.6 tcl8.6-dev tk tk-dev tk8.6 tk8.6-dev tzdata ucf unzip usrmerge
util-linux util-linux-extra uuid-dev wget x11-common x11proto-core-dev x11proto-dev xorg-sgml-doctools
xtrans-dev xz-utils zlib1g zlib1g-dev`);
