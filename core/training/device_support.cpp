#include "core/training/device_support.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#ifdef TSTUDIO_TORCH_CUDA
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace tstudio::training {

namespace {

// at::autocast's C++ entry points changed in LibTorch 2.4 (device-type arguments); 1.13 has
// only the CUDA-implied set_enabled / set_autocast_gpu_dtype.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
void setAutocast(bool on, torch::ScalarType dtype) {
    at::autocast::set_autocast_dtype(at::kCUDA, dtype);
    at::autocast::set_autocast_enabled(at::kCUDA, on);
}
#else
void setAutocast(bool on, torch::ScalarType dtype) {
    at::autocast::set_autocast_gpu_dtype(dtype);
    at::autocast::set_enabled(on);
}
#endif

bool supportsBf16(torch::Device device) {
#ifdef TSTUDIO_TORCH_CUDA
    const auto* properties = at::cuda::getDeviceProperties(device.index() < 0 ? 0 : device.index());
    return properties != nullptr && properties->major >= 8;
#else
    (void)device;
    return false;
#endif
}

} // namespace

MixedPrecision::MixedPrecision(torch::Device device, bool wanted) {
    if (!wanted || !device.is_cuda()) {
        return;
    }
    m_enabled = true;
    m_dtype = supportsBf16(device) ? torch::kBFloat16 : torch::kFloat16;
    m_scaling = m_dtype == torch::kFloat16;
    if (m_scaling) {
        const auto options = torch::TensorOptions().device(device).dtype(torch::kFloat32);
        m_scale = torch::full({1}, 65536.0, options);
        m_growthTracker = torch::zeros({1}, options.dtype(torch::kInt32));
    }
}

std::string MixedPrecision::describe() const {
    if (!m_enabled) {
        return "off";
    }
    return m_scaling ? "fp16 autocast with dynamic loss scaling" : "bf16 autocast";
}

MixedPrecision::Scope::Scope(const MixedPrecision& precision) : m_active(precision.m_enabled) {
    if (m_active) {
        setAutocast(true, precision.m_dtype);
    }
}

MixedPrecision::Scope::~Scope() {
    if (m_active) {
        setAutocast(false, torch::kFloat16);
        at::autocast::clear_cache();
    }
}

torch::Tensor MixedPrecision::scaleLoss(const torch::Tensor& loss) const {
    return m_scaling ? loss * m_scale : loss;
}

torch::Tensor MixedPrecision::unscale(const std::vector<torch::Tensor>& parameters) {
    if (!m_scaling) {
        return {};
    }
    std::vector<torch::Tensor> grads;
    for (const torch::Tensor& p : parameters) {
        if (p.grad().defined()) {
            grads.push_back(p.grad());
        }
    }
    torch::Tensor foundInf = torch::zeros({1}, m_scale.options());
    at::_amp_foreach_non_finite_check_and_unscale_(grads, foundInf, m_scale.reciprocal());
    return foundInf;
}

void MixedPrecision::update(const torch::Tensor& foundInf) {
    if (m_scaling) {
        at::_amp_update_scale_(m_scale, m_growthTracker, foundInf, /*growth=*/2.0,
                               /*backoff=*/0.5, /*interval=*/2000);
    }
}

std::int64_t deviceMemoryAllocated(torch::Device device) {
#ifdef TSTUDIO_TORCH_CUDA
    if (device.is_cuda()) {
        const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(
            device.index() < 0 ? 0 : device.index());
        return stats.allocated_bytes[0].current; // index 0: the aggregate over pools
    }
#endif
    (void)device;
    return 0;
}

void releaseDeviceMemory(torch::Device device) {
#ifdef TSTUDIO_TORCH_CUDA
    if (device.is_cuda()) {
        torch::cuda::synchronize();
        c10::cuda::CUDACachingAllocator::emptyCache();
    }
#endif
    (void)device;
}

void configureBackend(torch::Device device) {
    if (device.is_cuda()) {
        at::globalContext().setBenchmarkCuDNN(true);
    }
}

} // namespace tstudio::training
