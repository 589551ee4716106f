#pragma once

// Private to core/training: what differs between CPU and CUDA, and between LibTorch 1.13 and
// 2.x, kept in one place: mixed precision (autocast + loss scaling), memory figures, cache
// release, channels-last.

#include <cstdint>
#include <string>

#include <torch/torch.h>

namespace tstudio::training {

/**
 * Mixed precision for one run. CUDA only: bf16 autocast where the GPU has it (compute
 * capability 8 or more), else fp16 autocast with dynamic loss scaling (torch's GradScaler
 * arithmetic, through the same ATen ops). On CPU, or when not asked for, everything is float32.
 */
class MixedPrecision {
public:
    MixedPrecision(torch::Device device, bool wanted);
    bool enabled() const { return m_enabled; }
    bool scaling() const { return m_scaling; }
    /** "off", "bf16 autocast", "fp16 autocast with dynamic loss scaling". */
    std::string describe() const;

    /** Turns autocast on for the scope of a forward pass (thread-local, as torch's is). */
    class Scope {
    public:
        explicit Scope(const MixedPrecision& precision);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        bool m_active;
    };

    /** The loss to call backward() on (scaled for fp16). */
    torch::Tensor scaleLoss(const torch::Tensor& loss) const;
    /** After backward(): unscales the gradients and says, on the device, whether any is not
        finite (a 1-element float tensor; 0 when scaling is off). */
    torch::Tensor unscale(const std::vector<torch::Tensor>& parameters);
    /** After the step decision: grows or backs off the scale as GradScaler does. */
    void update(const torch::Tensor& foundInf);

private:
    bool m_enabled = false;
    bool m_scaling = false;
    torch::ScalarType m_dtype = torch::kFloat32;
    torch::Tensor m_scale;
    torch::Tensor m_growthTracker;
};

/** Bytes the CUDA caching allocator holds for tensors on device now; 0 on CPU. */
std::int64_t deviceMemoryAllocated(torch::Device device);

/** Returns cached, unused CUDA memory to the driver (after a run); nothing on CPU. */
void releaseDeviceMemory(torch::Device device);

/** cuDNN benchmark mode for CUDA runs (fixed input sizes: the fastest kernels are found once). */
void configureBackend(torch::Device device);

} // namespace tstudio::training
