// Grad-CAM's generic core: the crop-sized map laid back over the original image (torchvision's
// resize + centre-crop geometry, 0 outside the crop), class selection, and the map of a tiny net
// trained on generated images where only an object's shape decides the class: the map's peak
// must lie on the object, wherever it is.

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

#include <torch/torch.h>

#include "core/imaging/eval_transform.h"
#include "core/inference/grad_cam.h"

using namespace tstudio;

namespace {

constexpr int kSide = 40;   ///< generated images are kSide x kSide
constexpr int kLength = 14; ///< the bar's long side
constexpr int kWidth = 4;   ///< the bar's short side

/** The object's own bounding box. */
struct Box {
    int left = 0, top = 0, width = 0, height = 0;
    bool contains(int x, int y) const {
        return x >= left && x < left + width && y >= top && y < top + height;
    }
};

/** Noise around grey, then at a random place a bar of one colour and size, lying (class 0) or
    standing (class 1): position carries no information, the shape does, and each class has
    evidence of its own (no class is "the other one"). */
imaging::RgbImage shapeImage(std::mt19937& random, int cls, Box& box) {
    std::uniform_int_distribution<int> noise(60, 140);
    imaging::RgbImage image;
    image.width = kSide;
    image.height = kSide;
    image.pixels.resize(static_cast<std::size_t>(kSide) * kSide * 3);
    for (auto& p : image.pixels) {
        p = static_cast<std::uint8_t>(noise(random));
    }
    const int width = cls == 0 ? kLength : kWidth;
    const int height = cls == 0 ? kWidth : kLength;
    box = Box{std::uniform_int_distribution<int>(0, kSide - width)(random),
              std::uniform_int_distribution<int>(0, kSide - height)(random), width, height};
    for (int y = box.top; y < box.top + height; ++y) {
        for (int x = box.left; x < box.left + width; ++x) {
            std::uint8_t* px = image.row(y) + static_cast<std::size_t>(x) * 3;
            px[0] = 230;
            px[1] = 210;
            px[2] = 40;
        }
    }
    return image;
}

/** The identity evaluation transform for kSide images (no resize, crop = the whole image). */
imaging::EvalTransform identityTransform() {
    imaging::EvalTransform t;
    t.resizeShortSide = kSide;
    t.cropSize = kSide;
    return t;
}

torch::Tensor toInput(const imaging::RgbImage& image) {
    std::vector<float> planar(static_cast<std::size_t>(3 * image.width * image.height));
    imaging::writeNormalized(image, identityTransform(), planar.data());
    return torch::from_blob(planar.data(), {1, 3, image.height, image.width}).clone();
}

/** A small all-convolutional net, global average pooling, one Linear: Grad-CAM's textbook case. */
struct TinyNet : torch::nn::Module {
    torch::nn::Conv2d c1{torch::nn::Conv2dOptions(3, 8, 3).padding(1)};
    torch::nn::Conv2d c2{torch::nn::Conv2dOptions(8, 16, 3).padding(1)};
    torch::nn::Conv2d c3{torch::nn::Conv2dOptions(16, 16, 3).padding(1)};
    torch::nn::Linear fc{16, 2};
    TinyNet() {
        register_module("c1", c1);
        register_module("c2", c2);
        register_module("c3", c3);
        register_module("fc", fc);
    }
    torch::Tensor prefix(const torch::Tensor& x) {
        torch::Tensor y = torch::relu(c1->forward(x));
        y = torch::max_pool2d(torch::relu(c2->forward(y)), 2);
        return torch::relu(c3->forward(y));
    }
    torch::Tensor suffix(const torch::Tensor& a) {
        return fc->forward(torch::adaptive_avg_pool2d(a, {1, 1}).flatten(1));
    }
};

/** Index of the largest value (the first one on ties). */
std::size_t peakOf(const std::vector<float>& values) {
    return static_cast<std::size_t>(std::max_element(values.begin(), values.end()) -
                                    values.begin());
}

} // namespace

class TestGradCam : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        torch::manual_seed(3);
        torch::set_num_threads(2);
    }

    // 100 x 60 image, short side -> 32 (long: int(32 * 100 / 60) = 53), crop 28 at (12, 2) in
    // the resized image (round(12.5) = 12, half to even), i.e. x in [22.64, 75.47) and
    // y in [3.75, 56.25) of the original: pixel centres 23..74 and 4..55 lie inside.
    void mapCoversExactlyTheCrop() {
        imaging::EvalTransform t;
        t.resizeShortSide = 32;
        t.cropSize = 28;
        const imaging::CropGeometry g = imaging::cropGeometry(100, 60, t);
        QCOMPARE(g.resizedWidth, 53);
        QCOMPARE(g.resizedHeight, 32);
        QCOMPARE(g.left, 12);
        QCOMPARE(g.top, 2);
        const imaging::HeatMap map = inference::heatMapOnImage(torch::ones({7, 7}), 100, 60, t, 4);
        QCOMPARE(map.width, 100);
        QCOMPARE(map.height, 60);
        QCOMPARE(map.classIndex, 4);
        QCOMPARE(map.values.size(), std::size_t{6000});
        for (int y = 0; y < 60; ++y) {
            for (int x = 0; x < 100; ++x) {
                const bool inside = x >= 23 && x <= 74 && y >= 4 && y <= 55;
                QVERIFY2(
                    map.at(x, y) == (inside ? 1.0f : 0.0f),
                    qPrintable(QStringLiteral("(%1, %2) = %3").arg(x).arg(y).arg(map.at(x, y))));
            }
        }
    }

    // A map that is 1 in its left column and 0 elsewhere stays on the left edge of the crop:
    // the interpolation is not mirrored or transposed.
    void mapKeepsOrientation() {
        imaging::EvalTransform t;
        t.resizeShortSide = 20;
        t.cropSize = 20;
        torch::Tensor cam = torch::zeros({4, 5});
        cam.index_put_({torch::indexing::Slice(), 0}, 1.0f);
        cam.index_put_({3, torch::indexing::Slice()}, 0.5f);
        const imaging::HeatMap map = inference::heatMapOnImage(cam, 20, 20, t, 0);
        QCOMPARE(map.at(0, 0), 1.0f);
        QCOMPARE(map.at(19, 0), 0.0f);
        QCOMPARE(map.at(19, 19), 0.5f);
    }

    void classOutOfRangeThrows() {
        TinyNet net;
        net.eval();
        const auto prefix = [&](const torch::Tensor& x) {
            return net.prefix(x);
        };
        const auto suffix = [&](const torch::Tensor& a) {
            return net.suffix(a);
        };
        const torch::Tensor input = torch::randn({1, 3, 16, 16});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 inference::computeGradCam(prefix, suffix, input, 2));
        const auto chosen = inference::computeGradCam(prefix, suffix, input, 1);
        QCOMPARE(chosen.classIndex, 1);
        const auto top = inference::computeGradCam(prefix, suffix, input);
        QCOMPARE(top.classIndex, static_cast<int>(top.logits[0].argmax().item<std::int64_t>()));
        // Works under a caller's NoGradGuard too (a worker thread's usual state).
        const torch::NoGradGuard noGrad;
        const auto guarded = inference::computeGradCam(prefix, suffix, input, 0);
        QVERIFY(guarded.cam.max().item<float>() <= 1.0f);
    }

    void peakLiesOnTheObject() {
        std::mt19937 random(7);
        TinyNet net;
        torch::optim::Adam optimizer(net.parameters(), torch::optim::AdamOptions(3e-3));
        constexpr int kTrain = 256;
        std::vector<torch::Tensor> images;
        std::vector<std::int64_t> labels;
        for (int i = 0; i < kTrain; ++i) {
            Box box;
            images.push_back(toInput(shapeImage(random, i % 2, box))[0]);
            labels.push_back(i % 2);
        }
        const torch::Tensor x = torch::stack(images);
        const torch::Tensor y = torch::tensor(labels);
        net.train();
        for (int epoch = 0; epoch < 8; ++epoch) {
            const torch::Tensor order = torch::randperm(kTrain);
            for (int start = 0; start < kTrain; start += 32) {
                const torch::Tensor batch = order.slice(0, start, start + 32);
                optimizer.zero_grad();
                const torch::Tensor loss = torch::nn::functional::cross_entropy(
                    net.suffix(net.prefix(x.index_select(0, batch))), y.index_select(0, batch));
                loss.backward();
                optimizer.step();
            }
        }
        net.eval();

        const auto prefix = [&](const torch::Tensor& in) {
            return net.prefix(in);
        };
        const auto suffix = [&](const torch::Tensor& a) {
            return net.suffix(a);
        };
        constexpr int kHeldOut = 60;
        int correct = 0, shuffledOnObject = 0;
        int onObject[2] = {0, 0};
        std::mt19937 shuffler(5);
        for (int i = 0; i < kHeldOut; ++i) {
            Box box;
            const int cls = i % 2;
            const imaging::RgbImage image = shapeImage(random, cls, box);
            auto cam = inference::gradCamOfImage(prefix, suffix, image, identityTransform(),
                                                 torch::kCPU, cls);
            QVERIFY2(cam.ok(), cam.ok() ? "" : cam.message().c_str());
            correct += peakOf(cam->probabilities) == static_cast<std::size_t>(cls);
            std::vector<float> values = cam->heatMap.values;
            const std::size_t peak = peakOf(values);
            onObject[cls] +=
                box.contains(static_cast<int>(peak % kSide), static_cast<int>(peak / kSide));
            // The same check on the map's values shuffled: it must fail, or it proves nothing.
            std::shuffle(values.begin(), values.end(), shuffler);
            const std::size_t shuffled = peakOf(values);
            shuffledOnObject += box.contains(static_cast<int>(shuffled % kSide),
                                             static_cast<int>(shuffled / kSide));
        }
        qInfo("held out: %d/%d classified right, peak on the object %d + %d of %d (shuffled "
              "maps: %d)",
              correct, kHeldOut, onObject[0], onObject[1], kHeldOut, shuffledOnObject);
        QVERIFY(correct >= kHeldOut * 9 / 10);
        QVERIFY(onObject[0] + onObject[1] >= kHeldOut * 8 / 10);
        QVERIFY(shuffledOnObject < kHeldOut * 8 / 10);
    }
};

QTEST_GUILESS_MAIN(TestGradCam)
#include "tst_grad_cam.moc"
