# nnbook — the two commands: `make handouts` and `make test`.
# Both first install the Debian packages the build needs, only when they are missing.

SWIFT ?= swift
APT_PACKAGES := libcairo2-dev libpango1.0-dev fonts-dejavu-core fonts-dejavu-extra poppler-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release handouts test bench fuzz clean

all: build

# Install system packages only when something is missing (quick the second time).
deps:
	@missing=0; \
	pkg-config --exists cairo pangocairo 2>/dev/null || missing=1; \
	command -v pdftotext >/dev/null 2>&1 || missing=1; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing=1; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf ] || missing=1; \
	if [ $$missing = 1 ]; then \
	  echo "Installing system packages: $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

handouts: release
	$(SWIFT) run -c release nnbook build Lessons --out output

test: deps
	$(SWIFT) test

bench: release
	$(SWIFT) run -c release nnbook bench --json

# Seeded mutation fuzzing of the lesson parser/executor, verify files, TeX and Markdown (Tests/Fuzz/).
fuzz: deps
	$(SWIFT) run -c release nnbook-fuzz --runs 100000 --seed 1

clean:
	rm -rf .build output
