# Thin wrapper over CMake. `make demo` and `make check` install what they need first.
BUILD      ?= build
BUILD_ASAN ?= build-asan
JOBS       ?= $(shell nproc)

# Everything this and the next milestones need, from Debian.
DEB_PACKAGES = cmake make gcc clang lld llvm pkg-config libcmocka-dev libcapstone-dev \
               libunicorn-dev qemu-user valgrind python3 ocl-icd-opencl-dev opencl-headers \
               pocl-opencl-icd clinfo llvm-spirv-14 spirv-tools gnuplot-nox

.PHONY: all deps build build-asan demo check test test-asan bench clean

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

build-asan: deps
	cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DTEMU_SANITIZE=ON
	cmake --build $(BUILD_ASAN) -j$(JOBS)

demo: build
	$(BUILD)/temu --stats $(BUILD)/programs/hello.elf

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

test-asan: build-asan
	cd $(BUILD_ASAN) && ctest --output-on-failure -j$(JOBS) -LE slow

# Every test: the release build, then the whole suite again under ASan and UBSan.
check: test test-asan

bench: build
	python3 bench/cpu_vs_peers.py --build $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN)
