# Thin wrapper over CMake. `make demo` and `make check` install what they need first.
BUILD      ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
JOBS       ?= $(shell nproc)
FUZZ_TIME  ?= 60
FUZZ_TARGETS = fuzz_elf fuzz_flat fuzz_loopvec fuzz_syscall

# Everything this and the next milestones need, from Debian.
DEB_PACKAGES = cmake make gcc clang lld llvm pkg-config libcmocka-dev libcapstone-dev \
               libunicorn-dev qemu-user valgrind python3 ocl-icd-opencl-dev opencl-headers \
               pocl-opencl-icd clinfo llvm-spirv-14 spirv-tools gnuplot-nox libclang-rt-14-dev \
               gcc-aarch64-linux-gnu libc6-dev-arm64-cross

.PHONY: all deps build build-asan build-fuzz demo check check-full test test-asan test-fuzz \
        test-full test-asan-full test-quick fuzz bench clean

all: build

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	    | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "installing: $$missing"; \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)
	@sh programs/fetch_busybox.sh $(BUILD)/busybox

build-asan: deps
	cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DTEMU_SANITIZE=ON \
	    -DTEMU_BUSYBOX=$(abspath $(BUILD))/busybox/busybox
	cmake --build $(BUILD_ASAN) -j$(JOBS)

# The libFuzzer targets (tests/fuzz), built with clang beside the other builds: only they, the
# libraries they test and their seed corpus, made from the guest programs of $(BUILD).
$(BUILD_FUZZ)/CMakeCache.txt:
	CC=clang cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=Debug -DTEMU_FUZZ=ON \
	    -DTEMU_BUILD_TESTS=OFF -DTEMU_BUILD_PROGRAMS=OFF -DTEMU_FUZZ_PROGRAMS=$(abspath $(BUILD))/programs

build-fuzz: build $(BUILD_FUZZ)/CMakeCache.txt
	cmake --build $(BUILD_FUZZ) -j$(JOBS) --target temu_fuzz

demo: build
	$(BUILD)/temu --stats $(BUILD)/programs/hello.elf

# Test tiers (ctest labels, tests/tiers.cmake): make check leaves out the tests labelled full, and
# under the sanitizers also those labelled full_asan; check-full runs everything.
test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS) -LE '^full$$'

test-asan: build-asan
	cd $(BUILD_ASAN) && ctest --output-on-failure -j$(JOBS) -LE '^full'

test-full: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

test-asan-full: build-asan
	cd $(BUILD_ASAN) && ctest --output-on-failure -j$(JOBS)

# About two minutes that touch every part (release build).
test-quick: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS) -L '^quick$$'

# The fuzz regression run: each target over its seeds, the reproducers in tests/fuzz/regress and
# a fixed number of mutations.
test-fuzz: build-fuzz
	cd $(BUILD_FUZZ) && ctest --output-on-failure -j$(JOBS) -L fuzz

# Fuzz for real: FUZZ_TIME seconds per target; what is found stays in $(BUILD_FUZZ)/corpus/<target>,
# crashes go to $(BUILD_FUZZ)/artifacts/.
fuzz: build-fuzz
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p $(BUILD_FUZZ)/corpus/$$t && \
	    echo "== $$t for $(FUZZ_TIME) s" && \
	    UBSAN_OPTIONS=print_stacktrace=1 $(BUILD_FUZZ)/tests/fuzz/$$t -max_total_time=$(FUZZ_TIME) \
	        -print_final_stats=1 -artifact_prefix=$(BUILD_FUZZ)/artifacts/$$t- \
	        $(BUILD_FUZZ)/corpus/$$t $(BUILD_FUZZ)/seeds/$$t \
	        $$( [ -d tests/fuzz/regress/$$t ] && echo tests/fuzz/regress/$$t ) || exit 1; \
	done

# The release build's suite, then again under ASan and UBSan (fewer GPU program runs: the engines'
# host code is the same for every program), then the fuzz regression run.
check: test test-asan test-fuzz

# The whole matrix: every test in both builds, then the fuzz regression run.
check-full: test-full test-asan-full test-fuzz

bench: build
	python3 bench/cpu_vs_peers.py --build $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)
