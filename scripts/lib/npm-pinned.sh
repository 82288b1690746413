# Sourced by setup scripts: installs one npm package at a pinned version into a prefix of its own, unless that
# version is already there. Usage: npm_pinned LABEL PACKAGE VERSION PREFIX
npm_pinned() {
  local label="$1" package="$2" version="$3" prefix="$4"
  local manifest="$prefix/node_modules/$package/package.json"
  if [ -f "$manifest" ] && [ "$(node -p "require('$manifest').version" 2>/dev/null)" = "$version" ]; then
    echo "$label: $version"
    return 0
  fi
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "$package@$version"
  echo "$label: $version ($prefix/node_modules/$package)"
}
