#!/usr/bin/env bash
# Installs the Debian packages gongkai's renderers and browser tests need:
# CJK fonts for PDF output, poppler-utils to look at PDFs, chromium for UI tests,
# LibreOffice to check that rendered DOCX opens, Tesseract with simplified-Chinese data to
# read scanned reports by OCR. Idempotent; skips what is present.
set -euo pipefail
wanted=(fonts-noto-cjk fonts-wqy-zenhei poppler-utils chromium libreoffice-writer-nogui tesseract-ocr tesseract-ocr-chi-sim)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "需要安装系统软件包：${missing[*]}（请以 root 运行 scripts/system-packages.sh）" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
